import { OnlineList, usePresence } from '@presence-kit/vue'
import { defineComponent, h } from 'vue'

/** The kit: `usePresence` for the count and the virtualized `OnlineList`. */
export function kitApp(room: string, height?: number) {
  return defineComponent({
    setup() {
      const { count } = usePresence(room)
      return () =>
        h('main', [
          h('p', { id: 'count' }, `${count.value} online`),
          h(OnlineList, height === undefined ? { room } : { room, height }),
        ])
    },
  })
}
