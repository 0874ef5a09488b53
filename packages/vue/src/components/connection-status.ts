import {
  DEFAULT_CONNECT_TIMEOUT_MS,
  getConnectionBadge,
  startConnectDeadline,
  type ConnectionBadgeMessages,
} from '@presence-kit/core/ui'
import { defineComponent, h, ref, watchEffect, type PropType } from 'vue'
import { startInBrowser } from '../composables/lifecycle.js'
import { useConnectionStatus } from '../composables/use-connection-status.js'
import { part } from './anatomy.js'
import { useRoomProp } from './room-prop.js'

/**
 * A small badge for the link to the backend: "Connecting…" until the roster arrives,
 * "Reconnecting…", "Offline", a failure with a retry button, and nothing visible once connected.
 * It takes the room of its longest text from the start, so its arrival moves nothing. A polite
 * status region, so a screen reader hears the changes.
 */
export const ConnectionStatus = defineComponent({
  name: 'ConnectionStatus',
  props: {
    /** The room whose connection the badge shows. */
    room: { type: String, required: true },
    /** Wording of "Connecting…", "Reconnecting…", "Offline", "Couldn’t connect" and "Retry". */
    messages: Object as PropType<Partial<ConnectionBadgeMessages>>,
    /** Milliseconds the first connection may take before the badge reports a failure; 0 for no deadline. */
    timeout: { type: Number, default: DEFAULT_CONNECT_TIMEOUT_MS },
    /**
     * Called by the failure's "Retry" button instead of the room's own `retry()` (which makes the
     * adapter try again): reconnect the way the app's backend does. The deadline starts again. A
     * prop, as in React.
     */
    onRetry: Function as PropType<() => void>,
  },
  setup(props) {
    const room = useRoomProp(
      () => props.room,
      process.env.NODE_ENV !== 'production' ? 'ConnectionStatus' : '',
    )
    const { status, synced, retry: retryRoom } = useConnectionStatus(room)
    const timedOut = ref(false)
    // Each retry starts the first connection's deadline again.
    const attempt = ref(0)
    // In the browser only: a server render has no deadline to keep.
    startInBrowser(() =>
      watchEffect((onCleanup) => {
        void attempt.value
        timedOut.value = false
        if (synced.value) return
        onCleanup(startConnectDeadline(props.timeout, () => (timedOut.value = true)))
      }),
    )
    const retry = () => {
      attempt.value++
      ;(typeof props.onRetry === 'function' ? props.onRetry : retryRoom)()
    }
    return () => {
      if (room.value === undefined) return null
      const badge = getConnectionBadge(
        { status: status.value, synced: synced.value },
        timedOut.value,
        props.messages,
      )
      return h(
        'div',
        {
          ...part('connection-status'),
          'data-connection': status.value,
          'data-state': badge.state,
          'data-reserve': badge.reserve,
          role: 'status',
        },
        badge.label === ''
          ? undefined
          : h(
              'span',
              part('connection-status-label'),
              badge.state === 'failed'
                ? [
                    badge.label,
                    h(
                      'button',
                      { ...part('connection-status-retry'), type: 'button', onClick: retry },
                      badge.retry,
                    ),
                  ]
                : badge.label,
            ),
      )
    }
  },
})
