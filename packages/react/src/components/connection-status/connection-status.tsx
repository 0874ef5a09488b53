import { checkRoomProp, getConnectionBadgeLabel, type ConnectionBadgeMessages } from '@presence-kit/core/ui'
import { useConnectionStatus } from '../../hooks/use-connection-status.js'
import { part } from '../shared/anatomy.js'
import { reportPropError } from '../shared/report-prop-error.js'

export interface ConnectionStatusProps {
  readonly room: string
  /** Wording of "Connecting…", "Reconnecting…" and "Offline". */
  readonly messages?: Partial<ConnectionBadgeMessages> | undefined
  readonly className?: string | undefined
}

/**
 * A small badge for the link to the backend: "Connecting…" until the roster arrives,
 * "Reconnecting…", "Offline", and nothing visible once connected. A polite status region, so a
 * screen reader hears the changes.
 */
export function ConnectionStatus(props: ConnectionStatusProps) {
  const error = checkRoomProp(props.room, 'ConnectionStatus')
  if (error !== undefined) {
    reportPropError(error)
    return null
  }
  return <ConnectionBadge {...props} />
}

function ConnectionBadge({ room, messages, className }: ConnectionStatusProps) {
  const state = useConnectionStatus(room)
  return (
    <div {...part('connection-status')} data-connection={state.status} role="status" className={className}>
      {getConnectionBadgeLabel(state, messages)}
    </div>
  )
}
