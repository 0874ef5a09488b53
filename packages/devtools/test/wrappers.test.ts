import { act, createElement } from 'react'
import { createRoot } from 'react-dom/client'
import { createApp, h, nextTick, shallowRef } from 'vue'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { PresenceDevtools as ReactDevtools } from '../src/react.js'
import { PresenceDevtools as VueDevtools } from '../src/vue.js'
import { twoPeople } from './support.js'

let env: ReturnType<typeof twoPeople>
beforeEach(() => {
  env = twoPeople()
  env.ada.room('lobby').join()
})
afterEach(() => env.destroy())

const panels = () => document.querySelectorAll<HTMLElement>('[data-presence-devtools]')

describe('the React wrapper', () => {
  it('mounts the panel after render, inline when asked, and unmounts it with the component', async () => {
    ;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true
    const container = document.createElement('div')
    document.body.append(container)
    const root = createRoot(container)
    await act(async () =>
      root.render(createElement(ReactDevtools, { client: env.ada, placement: 'inline', theme: 'dark' })),
    )
    expect(panels()).toHaveLength(1)
    expect(panels()[0]!.parentElement?.dataset['presenceDevtoolsRoot']).toBe('')
    expect(panels()[0]!.dataset).toMatchObject({ placement: 'inline', theme: 'dark' })
    // A new client: the old panel goes, a new one comes.
    await act(async () =>
      root.render(createElement(ReactDevtools, { client: env.grace, placement: 'inline' })),
    )
    expect(panels()).toHaveLength(1)
    expect(env.ada.room('lobby').listenerCount('change')).toBe(0)
    await act(async () => root.unmount())
    expect(panels()).toHaveLength(0)
    container.remove()
  })
})

describe('the Vue wrapper', () => {
  it('mounts the panel on mount, remounts it for a new client, and unmounts it with the component', async () => {
    const client = shallowRef(env.ada)
    const container = document.createElement('div')
    document.body.append(container)
    const app = createApp({ render: () => h(VueDevtools, { client: client.value }) })
    app.mount(container)
    expect(panels()).toHaveLength(1)
    expect(panels()[0]!.parentElement).toBe(document.body)
    client.value = env.grace
    await nextTick()
    expect(panels()).toHaveLength(1)
    expect(env.ada.room('lobby').listenerCount('change')).toBe(0)
    app.unmount()
    expect(panels()).toHaveLength(0)
    container.remove()
  })
})
