import { createPresenceClient } from '@presence-kit/core'
import { countAdapterCalls, createMemoryHub } from '@presence-kit/core/testing'
import { createPresencePlugin } from '../../src/provide.js'

/** A hub, the local client (counted) and a second user's client, plus mount options for render(). */
export function setupClients() {
  const hub = createMemoryHub()
  const { adapter, counts } = countAdapterCalls(hub.adapter())
  const client = createPresenceClient({ adapter, user: { id: 'ada', name: 'Ada Lovelace' }, batch: 'sync' })
  const other = createPresenceClient({
    adapter: hub.adapter(),
    user: { id: 'grace', name: 'Grace Hopper' },
    batch: 'sync',
  })
  const global = { plugins: [createPresencePlugin(client)] }
  const destroy = () => {
    client.destroy()
    other.destroy()
  }
  return { hub, client, other, counts, global, destroy }
}

export type Clients = ReturnType<typeof setupClients>
