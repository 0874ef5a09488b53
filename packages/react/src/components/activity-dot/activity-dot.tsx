import type { PresenceStatus } from '@presence-kit/core'
import {
  checkRoomProp,
  getStatusLabel,
  normalizeSize,
  PRESENCE_STATUSES,
  type PresenceSize,
  type StatusMessages,
} from '@presence-kit/core/ui'
import { PresenceError } from '@presence-kit/core'
import { useActivityStatus } from '../../hooks/use-member.js'
import { part, visuallyHidden } from '../shared/anatomy.js'
import { reportPropError } from '@presence-kit/core/ui'

interface ActivityDotCommonProps {
  /** Status wording, e.g. for another language. */
  readonly messages?: Partial<StatusMessages> | undefined
  /**
   * Show the status as text beside the dot; otherwise the text is only for screen readers.
   * @default false
   */
  readonly showLabel?: boolean | undefined
  /** The dot's size: `sm`, `md` or `lg`. @default 'md' */
  readonly size?: PresenceSize | undefined
  /** On the component's outer element. */
  readonly className?: string | undefined
}

export type ActivityDotProps = ActivityDotCommonProps &
  (
    | {
        /** The status to show; or give `room` and `userId` to follow a member. */
        readonly status: PresenceStatus
        /** The room whose member the dot follows (with `userId`). */
        readonly room?: undefined
        /** The member whose status the dot follows (with `room`). */
        readonly userId?: undefined
      }
    | { readonly room: string; readonly userId: string; readonly status?: undefined }
  )

const KNOWN = new Set<unknown>(PRESENCE_STATUSES)

/**
 * A status dot with its status in words (visible with `showLabel`, else for screen readers only),
 * so colour is never the only signal. By `status`, or live by `room` and `userId`.
 */
export function ActivityDot(props: ActivityDotProps) {
  if (props.status !== undefined) return <StatusDot {...props} status={props.status} />
  const error = checkRoomProp(props.room, process.env.NODE_ENV !== 'production' ? 'ActivityDot' : '')
  if (error !== undefined || typeof props.userId !== 'string') {
    if (process.env.NODE_ENV !== 'production') {
      reportPropError(
        error ??
          new PresenceError('invalid-input', '<ActivityDot>: give either "status" or "room" and "userId".'),
      )
    }
    return null
  }
  return <MemberDot {...props} room={props.room} userId={props.userId} />
}

function MemberDot(props: ActivityDotCommonProps & { readonly room: string; readonly userId: string }) {
  const status = useActivityStatus(props.room, props.userId)
  return <StatusDot {...props} status={status} />
}

function StatusDot({
  status,
  messages,
  showLabel = false,
  size,
  className,
}: ActivityDotCommonProps & { readonly status: PresenceStatus }) {
  // A status from bad data is shown as offline, never as an unstyled or missing dot.
  const shown: PresenceStatus = KNOWN.has(status) ? status : 'offline'
  if (process.env.NODE_ENV !== 'production' && shown !== status) {
    reportPropError(
      new PresenceError(
        'invalid-input',
        `<ActivityDot>: unknown status ${JSON.stringify(status)}; shown as offline.`,
      ),
    )
  }
  const label = getStatusLabel(shown, messages)
  return (
    <span {...part('activity-dot')} data-status={shown} data-size={normalizeSize(size)} className={className}>
      <span style={showLabel ? undefined : visuallyHidden}>{label}</span>
    </span>
  )
}
