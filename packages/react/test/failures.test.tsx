import { createPresenceClient } from '@presence-kit/core'
import { createMemoryHub, failAdapterCalls } from '@presence-kit/core/testing'
import { act, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { usePresence } from '../src/hooks/use-presence.js'
import { useRoom } from '../src/hooks/use-room.js'
import { PresenceProvider } from '../src/provider.js'
import { setupClients } from './support/setup-clients.js'

afterEach(() => vi.restoreAllMocks())

const flushMicrotasks = () => act(async () => {})

function Count() {
  const count = usePresence('lobby', (state) => state.count)
  return <p data-testid="count">{count}</p>
}

/** Joins the room and shows the room's last error. */
function Joined() {
  useRoom('lobby', { initialPresence: { mood: 'hi' } })
  const error = usePresence('lobby', (state) => state.lastError?.code ?? 'none')
  return <p data-testid="error">{error}</p>
}

describe('a store subscriber that throws', () => {
  it('does not stop the components on that room from rendering the commit', async () => {
    const env = setupClients()
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    const boom = new Error('app subscriber')
    // Subscribed before any component, so it runs first in every commit.
    env.client.room('lobby').store.subscribe(() => {
      throw boom
    })
    const { unmount } = render(<Count />, { wrapper: env.wrapper })
    await flushMicrotasks()
    expect(screen.getByTestId('count').textContent).toBe('0')
    act(() => env.other.room('lobby').join({}))
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
    const { unmount } = render(
      <PresenceProvider client={client}>
        <Joined />
        <Count />
      </PresenceProvider>,
    )
    await flushMicrotasks()
    expect(screen.getByTestId('error').textContent).toBe('adapter-error')
    act(() => other.room('lobby').join({}))
    expect(screen.getByTestId('count').textContent).toBe('2')
    unmount()
    client.destroy()
    other.destroy()
  })
})
