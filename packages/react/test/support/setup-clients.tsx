import { createPresenceClient, type PresenceClient } from '@presence-kit/core'
import { countAdapterCalls, createMemoryHub } from '@presence-kit/core/testing'
import type { ReactNode } from 'react'
import { PresenceProvider } from '../../src/provider.js'

/** A hub, the local client (counted) and a second user's client, plus a wrapper for render(). */
export function setupClients() {
  const hub = createMemoryHub()
  const { adapter, counts } = countAdapterCalls(hub.adapter())
  const client = createPresenceClient({ adapter, user: { id: 'ada', name: 'Ada Lovelace' }, batch: 'sync' })
  const other = createPresenceClient({
    adapter: hub.adapter(),
    user: { id: 'grace', name: 'Grace Hopper' },
    batch: 'sync',
  })
  const wrapper = ({ children }: { children?: ReactNode }) => (
    <PresenceProvider client={client}>{children}</PresenceProvider>
  )
  const destroy = () => {
    client.destroy()
    other.destroy()
  }
  return { hub, client, other, counts, wrapper, destroy }
}

export type Clients = ReturnType<typeof setupClients> & { client: PresenceClient }
