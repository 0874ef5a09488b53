import { createPresenceClient } from '@presence-kit/core'
import { createMemoryHub, failAdapterCalls } from '@presence-kit/core/testing'
import { render, screen } from '@testing-library/vue'
import { h, nextTick } from 'vue'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { usePresence } from '../src/composables/use-presence.js'
import { useRoom } from '../src/composables/use-room.js'
import { createPresencePlugin } from '../src/provide.js'
import { component } from './support/define.js'
import { setupClients } from './support/setup-clients.js'

afterEach(() => vi.restoreAllMocks())

const Count = component(() => {
  const count = usePresence('lobby', (state) => state.count)
  return () => h('p', { 'data-testid': 'count' }, String(count.value))
})

describe('a selector that throws', () => {
  it('does not stop the other components on that room from following the commit', async () => {
    const env = setupClients()
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    const boom = new Error('selector boom')
    // Mounted first, so its subscription runs first in every commit.
    const Throwing = component(() => {
      usePresence('lobby', (state) => {
        if (state.count > 0) throw boom
        return state.count
      })
      return () => null
    })
    const { unmount } = render(
      component(() => () => [h(Throwing), h(Count)]),
      { global: env.global },
    )
    await nextTick()
    expect(screen.getByTestId('count').textContent).toBe('0')
    env.other.room('lobby').join({})
    await nextTick()
    expect(screen.getByTestId('count').textContent).toBe('1')
    // Reported through the client's onListenerError (by default, console.error).
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('listener threw'), boom)
    unmount()
    env.destroy()
  })
})

describe('an adapter whose enter() throws', () => {
  it('keeps the tree rendering, shows the error, and still follows the room', async () => {
    const hub = createMemoryHub()
    const client = createPresenceClient({
      adapter: failAdapterCalls(hub.adapter(), 'enter'),
      user: { id: 'ada' },
      batch: 'sync',
    })
    const other = createPresenceClient({ adapter: hub.adapter(), user: { id: 'grace' }, batch: 'sync' })
    const Joined = component(() => {
      useRoom('lobby', { initialPresence: { mood: 'hi' } })
      const error = usePresence('lobby', (state) => state.lastError?.code ?? 'none')
      return () => h('p', { 'data-testid': 'error' }, error.value)
    })
    const { unmount } = render(
      component(() => () => [h(Joined), h(Count)]),
      { global: { plugins: [createPresencePlugin(client)] } },
    )
    await nextTick()
    expect(screen.getByTestId('error').textContent).toBe('adapter-error')
    other.room('lobby').join({})
    await nextTick()
    expect(screen.getByTestId('count').textContent).toBe('2')
    unmount()
    client.destroy()
    other.destroy()
  })
})
