// A page with the mistakes the development messages are for, in both frameworks: blank and
// invalid room names given to components and hooks, a `members` that is not an array, an unknown
// status and an ActivityDot with neither status nor member. Built by Vite exactly as an app is.
import { createPresenceClient } from '@presence-kit/core'
import { createMemoryHub } from '@presence-kit/core/testing'
import * as React from '@presence-kit/react'
import * as Vue from '@presence-kit/vue'
import { createElement, type ReactNode } from 'react'
import { createRoot } from 'react-dom/client'
import { createApp, defineComponent, h } from 'vue'

const hub = createMemoryHub()
const client = (id: string) => createPresenceClient({ adapter: hub.adapter(), user: { id } })

function ReactHooks(): ReactNode {
  const presence = React.usePresence('')
  return createElement('p', { id: 'react-count' }, String(presence.count))
}

createRoot(document.getElementById('react')!).render(
  createElement(
    React.PresenceProvider,
    { client: client('ada') },
    createElement(React.AvatarStack, { room: '' }),
    createElement(React.AvatarStack, { members: 'nobody' as never }),
    createElement(React.ActivityDot, { status: 'sleeping' as never }),
    createElement(React.ActivityDot, { room: 'lobby' }),
    createElement(ReactHooks),
  ),
)

const VueHooks = defineComponent({
  setup() {
    const presence = Vue.usePresence('   ')
    return () => h('p', { id: 'vue-count' }, String(presence.count.value))
  },
})

createApp({
  render: () => [
    h(Vue.AvatarStack, { room: '   ' }),
    h(Vue.AvatarStack, { members: 'nobody' as never }),
    h(Vue.ActivityDot, { status: 'sleeping' as never }),
    h(Vue.ActivityDot, { room: 'lobby' }),
    h(VueHooks),
  ],
})
  .use(Vue.createPresencePlugin(client('grace')))
  .mount('#vue')

document.body.dataset['ready'] = 'true'
