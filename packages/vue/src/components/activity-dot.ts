import { PresenceError, type PresenceStatus } from '@presence-kit/core'
import {
  getStatusLabel,
  normalizeSize,
  PRESENCE_STATUSES,
  type PresenceSize,
  type StatusMessages,
} from '@presence-kit/core/ui'
import { computed, defineComponent, h, type PropType } from 'vue'
import { reportInDevelopment } from '../composables/report.js'
import { useActivityStatus } from '../composables/use-member.js'
import { part, visuallyHidden } from './anatomy.js'
import { useRoomProp } from './room-prop.js'

const KNOWN = new Set<unknown>(PRESENCE_STATUSES)

/**
 * A status dot with its status in words (visible with `showLabel`, else for screen readers only),
 * so colour is never the only signal. By `status`, or live by `room` and `userId`.
 */
export const ActivityDot = defineComponent({
  name: 'ActivityDot',
  props: {
    /** The status to show; or give `room` and `userId` to follow a member. */
    status: String as PropType<PresenceStatus>,
    /** The room whose member the dot follows (with `userId`). */
    room: String,
    /** The member whose status the dot follows (with `room`). */
    userId: String,
    /** Status wording, e.g. for another language. */
    messages: Object as PropType<Partial<StatusMessages>>,
    /** Show the status as text beside the dot; otherwise the text is only for screen readers. */
    showLabel: Boolean,
    /** The dot's size: `sm`, `md` or `lg`. */
    size: { type: String as PropType<PresenceSize>, default: 'md' },
  },
  setup(props) {
    const byMember = computed(() => props.status === undefined)
    const room = useRoomProp(
      () => (byMember.value ? props.room : undefined),
      process.env.NODE_ENV !== 'production' ? 'ActivityDot' : '',
      byMember,
    )
    const userId = computed(() =>
      byMember.value && typeof props.userId === 'string' ? props.userId : undefined,
    )
    const followed = useActivityStatus(room, userId)
    const status = computed((): PresenceStatus | undefined => {
      if (!byMember.value) {
        if (KNOWN.has(props.status)) return props.status
        // A status from bad data is shown as offline, never as an unstyled or missing dot.
        if (process.env.NODE_ENV !== 'production') {
          reportInDevelopment(
            new PresenceError(
              'invalid-input',
              `<ActivityDot>: unknown status ${JSON.stringify(props.status)}; shown as offline.`,
            ),
          )
        }
        return 'offline'
      }
      if (room.value === undefined) return undefined
      if (userId.value === undefined) {
        if (process.env.NODE_ENV !== 'production') {
          reportInDevelopment(
            new PresenceError('invalid-input', '<ActivityDot>: give either "status" or "room" and "userId".'),
          )
        }
        return undefined
      }
      return followed.value
    })
    return () => {
      const shown = status.value
      if (shown === undefined) return null
      const label = getStatusLabel(shown, props.messages)
      return h(
        'span',
        { ...part('activity-dot'), 'data-status': shown, 'data-size': normalizeSize(props.size) },
        h('span', props.showLabel ? {} : { style: visuallyHidden }, label),
      )
    }
  },
})
