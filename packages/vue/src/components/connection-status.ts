import { getConnectionBadgeLabel, type ConnectionBadgeMessages } from '@presence-kit/core/ui'
import { defineComponent, h, type PropType } from 'vue'
import { useConnectionStatus } from '../composables/use-connection-status.js'
import { part } from './anatomy.js'
import { useRoomProp } from './room-prop.js'

/**
 * A small badge for the link to the backend: "Connecting…" until the roster arrives,
 * "Reconnecting…", "Offline", and nothing visible once connected. A polite status region, so a
 * screen reader hears the changes.
 */
export const ConnectionStatus = defineComponent({
  name: 'ConnectionStatus',
  props: {
    room: { type: String, required: true },
    /** Wording of "Connecting…", "Reconnecting…" and "Offline". */
    messages: { type: Object as PropType<Partial<ConnectionBadgeMessages>>, default: undefined },
  },
  setup(props) {
    const room = useRoomProp(() => props.room, 'ConnectionStatus')
    const { status, synced } = useConnectionStatus(room)
    return () => {
      if (room.value === undefined) return null
      const label = getConnectionBadgeLabel({ status: status.value, synced: synced.value }, props.messages)
      return h(
        'div',
        { ...part('connection-status'), 'data-connection': status.value, role: 'status' },
        // No text node at all when there is nothing to say, so `:empty` hides the badge.
        label === '' ? undefined : label,
      )
    }
  },
})
