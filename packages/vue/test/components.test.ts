import { createPresenceClient } from '@presence-kit/core'
import { createMemoryHub } from '@presence-kit/core/testing'
import { render } from '@testing-library/vue'
import { createSSRApp, h, nextTick, ref } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  ActivityDot,
  AvatarStack,
  ConnectionStatus,
  OnlineList,
  TypingIndicator,
} from '../src/components/index.js'
import { useRoom } from '../src/composables/use-room.js'
import { createPresencePlugin } from '../src/provide.js'
import { addMembers } from './support/crowd.js'
import { component } from './support/define.js'
import { setupClients } from './support/setup-clients.js'

let env: ReturnType<typeof setupClients>
beforeEach(() => {
  env = setupClients()
})
afterEach(() => {
  env.destroy()
  vi.useRealTimers()
})

const flushMicrotasks = () => new Promise<void>((resolve) => queueMicrotask(resolve))

/** Every component on one room, and a component that joins it. */
function everything(room: () => string) {
  return component(() => {
    useRoom(room)
    return () =>
      h('main', [
        h(ConnectionStatus, { room: room() }),
        h(AvatarStack, { room: room(), max: 3 }),
        h(OnlineList, { room: room(), height: 200 }),
        h(TypingIndicator, { room: room() }),
        h(ActivityDot, { room: room(), userId: 'grace' }),
      ])
  })
}

describe('components on one room', () => {
  it('open the room once and join it once, whatever their number', async () => {
    const { unmount } = render(
      everything(() => 'lobby'),
      { global: env.global },
    )
    await nextTick()
    expect(env.counts.open).toBe(1)
    expect(env.counts.enter).toBe(1)
    unmount()
    await flushMicrotasks()
    expect(env.counts.leave).toBe(1)
    expect(env.counts.close).toBe(1)
  })

  it('move together to a new room when the name changes', async () => {
    vi.useFakeTimers()
    env.other.room('kitchen').join({})
    const name = ref('lobby')
    const { container } = render(
      everything(() => name.value),
      { global: env.global },
    )
    await nextTick()
    expect(container.querySelectorAll('[data-part="online-list-row"]').length).toBe(1)
    name.value = 'kitchen'
    await nextTick()
    await flushMicrotasks()
    vi.advanceTimersByTime(3_000)
    expect(env.client.getUserRooms('ada')).toEqual(['kitchen'])
    expect(env.client.room('lobby').resources().open).toBe(false)
    await nextTick()
    const rows = [...container.querySelectorAll('[data-part="online-list-row"] [data-presence-name]')]
    expect(rows.map((row) => row.textContent)).toEqual(['Ada Lovelace', 'Grace Hopper'])
    expect(container.querySelector('[data-part="activity-dot"]')!.getAttribute('data-status')).toBe('active')
  })

  it('leave no listener, no open room, no document listener and no timer after unmount', async () => {
    vi.useFakeTimers()
    addMembers(env.hub, 'lobby', 10)
    const timersBefore = vi.getTimerCount()
    const added = vi.spyOn(document, 'addEventListener')
    const removed = vi.spyOn(document, 'removeEventListener')
    const { container, unmount } = render(
      everything(() => 'lobby'),
      { global: env.global },
    )
    await nextTick()
    ;(container.querySelector('[data-part="avatar-overflow"]') as HTMLButtonElement).click()
    await nextTick()
    env.client.room('lobby').startTyping()
    env.hub.typingVirtual('lobby', env.hub.connections('lobby')[0]!.connectionId, true)
    unmount()
    await flushMicrotasks()
    const room = env.client.room('lobby')
    expect(room.listenerCount()).toBe(0)
    expect(room.resources().open).toBe(false)
    expect(vi.getTimerCount()).toBe(timersBefore)
    expect(added.mock.calls.length).toBeGreaterThan(0)
    expect(removed.mock.calls.map((call) => call[0])).toEqual(added.mock.calls.map((call) => call[0]))
  })
})

describe('server rendering and hydration of the components', () => {
  it('hydrates the server HTML of every component with no warning or error, then goes live', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    const warnings = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const Page = everything(() => 'lobby')
    const serverClient = createPresenceClient({ adapter: createMemoryHub().adapter(), user: { id: 'ada' } })
    const html = await renderToString(createSSRApp(Page).use(createPresencePlugin(serverClient)))
    serverClient.destroy()
    expect(html).toContain('data-part="online-list"')
    expect(html).toContain('data-part="typing-indicator"')

    const container = document.createElement('div')
    container.innerHTML = html
    document.body.append(container)
    const app = createSSRApp(Page).use(createPresencePlugin(env.client))
    env.other.room('lobby').join({})
    app.mount(container)
    await nextTick()
    expect(errors).not.toHaveBeenCalled()
    expect(warnings).not.toHaveBeenCalled()
    expect(container.querySelectorAll('[data-part="online-list-row"]').length).toBe(2)
    app.unmount()
    container.remove()
    errors.mockRestore()
    warnings.mockRestore()
  })
})
