import type { PresenceAdapter } from '@presence-kit/core'
import { createNoLagAdapter } from '../../src/nolag/index.js'
import { runAdapterContract } from '../contract/run-adapter-contract.js'
import { sleep } from '../contract/observe.js'
import { FakeNoLagServer, type FakeNoLagClient } from './fake-nolag.js'

// Against a fake written from seed 001 (the SDK is not published).
runAdapterContract('nolag', {
  async setup() {
    const server = new FakeNoLagServer()
    const clientOf = new Map<PresenceAdapter, FakeNoLagClient>()
    let actors = 0
    return {
      createAdapter(userId) {
        const client = server.connect(`${userId}-actor-${++actors}`)
        const adapter = createNoLagAdapter({ connectOnServer: true, client })
        clientOf.set(adapter, client)
        return adapter
      },
      createPeer(room, userId) {
        // Another NoLag client writing the kit's presence shape.
        const client = server.connect(`${userId}-actor-${++actors}`)
        let entry: { data: unknown; typing: boolean } = { data: {}, typing: false }
        let seq = 0
        const set = () => client.setPresence({ userId, seq: ++seq, rooms: { [room]: entry } })
        return {
          userId,
          async join(data) {
            entry = { data, typing: false }
            set()
          },
          async update(data) {
            entry = { ...entry, data }
            set()
          },
          async leave() {
            client.setPresence({ userId, seq: ++seq, rooms: {} })
          },
          async typing(typing) {
            entry = { ...entry, typing }
            set()
          },
        }
      },
      async dropLink(adapter) {
        server.drop(clientOf.get(adapter)!)
      },
      async restoreLink(adapter) {
        server.restore(clientOf.get(adapter)!)
      },
      async sendMalformed() {
        server.broadcast(undefined, 'presence:join', { actorTokenId: 12, presence: 'nope' })
      },
      settle: () => sleep(10),
      async close() {
        server.clients.clear()
      },
    }
  },
})
