import {
  checkRoomProp,
  DEFAULT_CONNECT_TIMEOUT_MS,
  getConnectionBadge,
  reportPropError,
  startConnectDeadline,
  type ConnectionBadgeMessages,
} from '@presence-kit/core/ui'
import { useEffect, useState } from 'react'
import { useConnectionStatus } from '../../hooks/use-connection-status.js'
import { part } from '../shared/anatomy.js'

export interface ConnectionStatusProps {
  readonly room: string
  /** Wording of "Connecting…", "Reconnecting…", "Offline", "Couldn’t connect" and "Retry". */
  readonly messages?: Partial<ConnectionBadgeMessages> | undefined
  /**
   * Milliseconds the first connection may take before the badge reports a failure; 0 for no
   * deadline. @default DEFAULT_CONNECT_TIMEOUT_MS (15,000)
   */
  readonly timeout?: number | undefined
  /**
   * Called by the failure's "Retry" button instead of the room's own `retry()` (which makes the
   * adapter try again): reconnect the way the app's backend does. The deadline starts again.
   */
  readonly onRetry?: (() => void) | undefined
  readonly className?: string | undefined
}

/**
 * A small badge for the link to the backend: "Connecting…" until the roster arrives,
 * "Reconnecting…", "Offline", a failure with a retry button, and nothing visible once connected.
 * It takes the room of its longest text from the start, so its arrival moves nothing. A polite
 * status region, so a screen reader hears the changes.
 */
export function ConnectionStatus(props: ConnectionStatusProps) {
  const error = checkRoomProp(props.room, process.env.NODE_ENV !== 'production' ? 'ConnectionStatus' : '')
  if (error !== undefined) {
    reportPropError(error)
    return null
  }
  return <ConnectionBadge {...props} />
}

function ConnectionBadge({
  room,
  messages,
  timeout = DEFAULT_CONNECT_TIMEOUT_MS,
  onRetry,
  className,
}: ConnectionStatusProps) {
  const state = useConnectionStatus(room)
  const [timedOut, setTimedOut] = useState(false)
  // Each retry starts the first connection's deadline again.
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    setTimedOut(false)
    if (state.synced) return
    return startConnectDeadline(timeout, () => setTimedOut(true))
  }, [state.synced, timeout, attempt])
  const badge = getConnectionBadge(state, timedOut, messages)
  const retry = () => {
    setAttempt((count) => count + 1)
    ;(typeof onRetry === 'function' ? onRetry : state.retry)()
  }
  return (
    <div
      {...part('connection-status')}
      data-connection={state.status}
      data-state={badge.state}
      data-reserve={badge.reserve}
      role="status"
      className={className}
    >
      {badge.label !== '' && (
        <span {...part('connection-status-label')}>
          {badge.label}
          {badge.state === 'failed' && (
            <button {...part('connection-status-retry')} type="button" onClick={retry}>
              {badge.retry}
            </button>
          )}
        </span>
      )}
    </div>
  )
}
