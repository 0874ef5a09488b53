import type { PresenceStatus } from '@presence-kit/core'
import {
  getStatusLabel,
  normalizeSize,
  PRESENCE_STATUSES,
  type PresenceSize,
  type StatusMessages,
} from '@presence-kit/core/ui'
import { computed, defineComponent, h, type PropType } from 'vue'
import { useActivityStatus } from '../composables/use-member.js'
import { part, visuallyHidden } from './anatomy.js'
import { useRoomProp } from './room-prop.js'

function toStatus(value: unknown): PresenceStatus {
  return (PRESENCE_STATUSES as readonly unknown[]).includes(value) ? (value as PresenceStatus) : 'offline'
}

/**
 * A status dot with its word: visible with `showLabel`, else hidden on screen but read by screen
 * readers, so colour is never the only signal. Give `status`, or `room` and `userId` to follow a
 * member (offline when absent).
 */
export const ActivityDot = defineComponent({
  name: 'ActivityDot',
  props: {
    status: { type: String as PropType<PresenceStatus>, default: undefined },
    room: { type: String, default: undefined },
    userId: { type: String, default: undefined },
    messages: { type: Object as PropType<Partial<StatusMessages>>, default: undefined },
    showLabel: { type: Boolean, default: false },
    size: { type: String as PropType<PresenceSize>, default: 'md' },
  },
  setup(props) {
    const room = useRoomProp(() => (props.status === undefined ? props.room : undefined), 'ActivityDot')
    const followed = useActivityStatus(room, () => props.userId)
    const status = computed(() => (props.status === undefined ? followed.value : toStatus(props.status)))
    return () => {
      const label = getStatusLabel(status.value, props.messages)
      return h(
        'span',
        { ...part('activity-dot'), 'data-status': status.value, 'data-size': normalizeSize(props.size) },
        props.showLabel ? label : h('span', { style: visuallyHidden }, label),
      )
    }
  },
})
