import { createPresenceClient } from '@presence-kit/core'
import { createMemoryHub } from '@presence-kit/core/testing'
import { fireEvent, render, screen } from '@testing-library/vue'
import { nextTick } from 'vue'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ConnectionStatus } from '../src/components/connection-status.js'
import { createPresencePlugin } from '../src/provide.js'
import { expectNoAxeViolations } from './support/axe.js'
import { setupClients } from './support/setup-clients.js'

let env: ReturnType<typeof setupClients>
beforeEach(() => {
  env = setupClients()
})
afterEach(() => env.destroy())

const badge = (container: Element) => container.querySelector('[data-part="connection-status"]')!

describe('ConnectionStatus', () => {
  it('says nothing when connected and synced, "Reconnecting…" while the link is back, then nothing', async () => {
    const { container } = render(ConnectionStatus, { props: { room: 'lobby' }, global: env.global })
    await nextTick()
    expect(badge(container).getAttribute('role')).toBe('status')
    expect(badge(container).getAttribute('data-connection')).toBe('connected')
    expect(badge(container).childNodes.length).toBe(0)
    await expectNoAxeViolations(container)
    const connectionId = env.hub.watchers('lobby')[0]!
    env.hub.disconnect(connectionId, { removeFromRoom: false })
    await nextTick()
    expect(badge(container).getAttribute('data-connection')).toBe('reconnecting')
    expect(badge(container).textContent).toBe('Reconnecting…')
    await expectNoAxeViolations(container)
    env.hub.reconnect(connectionId)
    await nextTick()
    expect(badge(container).textContent).toBe('')
  })

  it('offers a retry after a failure, through the room by default: the room opens again', async () => {
    const { container } = render(ConnectionStatus, { props: { room: 'lobby' }, global: env.global })
    await nextTick()
    env.client.room('lobby').join({})
    env.hub.inject('lobby', { method: 'status', payload: 'failed' })
    await nextTick()
    expect(badge(container).getAttribute('data-state')).toBe('failed')
    await expectNoAxeViolations(container)
    const opened = env.counts.open
    await fireEvent.click(screen.getByRole('button', { name: 'Retry' }))
    expect(env.counts.open).toBe(opened + 1)
    await nextTick()
    expect(badge(container).getAttribute('data-connection')).toBe('connected')
    expect(badge(container).textContent).toBe('')
    expect(env.client.room('lobby').get().self?.userId).toBe('ada')
  })

  it('calls onRetry instead of the room’s retry when given', async () => {
    const calls: string[] = []
    const { container } = render(ConnectionStatus, {
      props: { room: 'lobby', onRetry: () => calls.push('app') },
      global: env.global,
    })
    await nextTick()
    env.hub.inject('lobby', { method: 'status', payload: 'failed' })
    await nextTick()
    const opened = env.counts.open
    await fireEvent.click(screen.getByRole('button', { name: 'Retry' }))
    expect(calls).toEqual(['app'])
    expect(env.counts.open).toBe(opened)
    expect(badge(container).getAttribute('data-connection')).toBe('failed')
  })

  it('says "Connecting…" until the first roster, in the wording given', async () => {
    const hub = createMemoryHub({ delivery: 'manual' })
    const client = createPresenceClient({ adapter: hub.adapter(), user: { id: 'ada' }, batch: 'sync' })
    const { container } = render(ConnectionStatus, {
      props: { room: 'lobby', messages: { connecting: 'Verbinden…' } },
      global: { plugins: [createPresencePlugin(client)] },
    })
    await nextTick()
    expect(badge(container).textContent).toBe('Verbinden…')
    hub.deliver()
    await nextTick()
    expect(badge(container).textContent).toBe('')
    client.destroy()
  })
})
