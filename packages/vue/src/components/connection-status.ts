import { getConnectionBadgeLabel, type ConnectionBadgeMessages } from '@presence-kit/core/ui'
import { computed, defineComponent, h, type PropType } from 'vue'
import { useConnectionStatus } from '../composables/use-connection-status.js'
import { part } from './anatomy.js'
import { useRoomProp } from './room-prop.js'

/**
 * The link to the backend in a few words, in a polite live region: "Connecting…",
 * "Reconnecting…", "Offline", and nothing when connected with the roster in hand.
 */
export const ConnectionStatus = defineComponent({
  name: 'ConnectionStatus',
  props: {
    room: { type: String, required: true },
    messages: { type: Object as PropType<Partial<ConnectionBadgeMessages>>, default: undefined },
  },
  setup(props) {
    const room = useRoomProp(() => props.room, 'ConnectionStatus')
    const { status, synced } = useConnectionStatus(room)
    const label = computed(() =>
      getConnectionBadgeLabel({ status: status.value, synced: synced.value }, props.messages),
    )
    return () =>
      h(
        'div',
        {
          ...part('connection-status'),
          'data-connection': status.value,
          role: 'status',
          'aria-live': 'polite',
        },
        // No text node at all when there is nothing to say, so `:empty` hides the badge.
        label.value === '' ? undefined : label.value,
      )
  },
})
