import { AvatarStack, createPresencePlugin, OnlineList, usePresence } from '@presence-kit/vue'
import { createApp, defineComponent, h } from 'vue'
import { installDriver, ROOM } from './driver.js'

/** The Vue side: the count through `usePresence`, `AvatarStack` and the virtualized `OnlineList`. */
const Page = defineComponent({
  setup() {
    const count = usePresence(ROOM, (state) => state.count)
    return () =>
      h('main', [
        h('p', { id: 'count' }, `${count.value.toLocaleString('en')} online`),
        h(AvatarStack, { room: ROOM, max: 5 }),
        h(OnlineList, { room: ROOM, height: 480 }),
      ])
  },
})

installDriver((root, client) => {
  createApp(Page).use(createPresencePlugin(client)).mount(root)
})
