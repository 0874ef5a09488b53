import type { PresenceAdapter } from '@presence-kit/core'
import { createPubSubAdapter } from '../../src/pubsub/index.js'
import { runAdapterContract } from '../contract/run-adapter-contract.js'
import { sleep } from '../contract/observe.js'
import { FakePubSubServer, type FakePubSubClient } from './fake-pubsub.js'

// Against a fake written from seed 000 (the SDK is not published). Client ids are `<user>/<tab>`.
const userIdOf = (clientId: string) => clientId.split('/')[0]!

runAdapterContract('pubsub', {
  async setup() {
    const server = new FakePubSubServer()
    const clientOf = new Map<PresenceAdapter, FakePubSubClient>()
    let tabs = 0
    return {
      createAdapter(userId) {
        const client = server.connect(`${userId}/${++tabs}`)
        const adapter = createPubSubAdapter({ connectOnServer: true, client, userIdOf })
        clientOf.set(adapter, client)
        return adapter
      },
      createPeer(room, userId) {
        // Another SDK client speaking the kit's side topics: data on `:presence`, typing on `:typing`.
        const client = server.connect(`${userId}/${++tabs}`)
        let data: Record<string, unknown> | undefined
        const publish = () => client.publish(`${room}:presence`, { data })
        // Answers newcomers and requests with its data, as kit clients do.
        void client.onPresence(room, (packet) => {
          if (data !== undefined && packet.status === 'online' && packet.clientId !== client.clientId)
            void publish()
        })
        void client.subscribe(`${room}:presence`, (message) => {
          const asked = (message.payload as { request?: unknown }).request === 'state'
          if (data !== undefined && asked && message.senderId !== client.clientId) void publish()
        })
        return {
          userId,
          async join(next) {
            data = { ...next }
            await client.subscribe(room, () => {})
            await publish()
          },
          async update(next) {
            data = { ...next }
            await publish()
          },
          async leave() {
            data = undefined
            await client.unsubscribe(room)
          },
          async typing(typing) {
            await client.publish(`${room}:typing`, typing ? 'start' : 'stop')
          },
        }
      },
      async dropLink(adapter) {
        server.drop(clientOf.get(adapter)!)
      },
      async restoreLink(adapter) {
        server.restore(clientOf.get(adapter)!)
      },
      async sendMalformed(room) {
        server.inject(room, { clientId: 7, status: 'here', timestamp: 'now' })
      },
      settle: () => sleep(150),
      async close() {
        server.close()
      },
    }
  },
})
