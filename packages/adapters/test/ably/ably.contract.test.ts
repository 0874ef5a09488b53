import type { PresenceAdapter } from '@presence-kit/core'
import { createAblyAdapter } from '../../src/ably/index.js'
import { runAdapterContract } from '../contract/run-adapter-contract.js'
import { sleep } from '../contract/observe.js'
import { FakeAblyService, type FakeRealtime } from './fake-ably.js'

// Against a fake typed against ably 2.x's own type definitions (no Ably service runs here).
runAdapterContract('ably', {
  async setup() {
    const service = new FakeAblyService()
    const clientOf = new Map<PresenceAdapter, FakeRealtime>()
    return {
      createAdapter(userId) {
        const client = service.client(userId)
        const adapter = createAblyAdapter({ connectOnServer: true, client })
        clientOf.set(adapter, client)
        return adapter
      },
      createPeer(room, userId) {
        // A plain Ably client: it enters with its data as is.
        const channel = service.client(userId).channels.get(`presence:${room}`)
        return {
          userId,
          join: (data) => channel.presence.enter(data),
          update: (data) => channel.presence.update(data),
          leave: () => channel.presence.leave(),
          typing: async (typing) => {
            await channel.publish('presence-kit:typing', { typing })
          },
        }
      },
      async dropLink(adapter) {
        service.drop(clientOf.get(adapter)!)
      },
      async restoreLink(adapter) {
        service.restore(clientOf.get(adapter)!)
      },
      async sendMalformed(room) {
        service.deliverPresence(`presence:${room}`, { action: 'enter', clientId: 42, data: {} })
      },
      settle: () => sleep(10),
      async close() {},
    }
  },
})
