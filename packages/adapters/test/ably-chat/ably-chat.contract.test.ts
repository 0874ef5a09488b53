import type { JsonObject } from '@ably/chat'
import type { PresenceAdapter, PresenceData } from '@presence-kit/core'
import { createAblyChatAdapter } from '../../src/ably-chat/index.js'
import { runAdapterContract } from '../contract/run-adapter-contract.js'
import { sleep } from '../contract/observe.js'
import { FakeChatService, type FakeChatClient } from './fake-chat.js'

// The kit's data is readonly JSON; Chat's JsonObject is the mutable spelling of the same.
const json = (data: PresenceData) => JSON.parse(JSON.stringify(data)) as JsonObject

// Against a fake typed against @ably/chat's own type definitions (no Ably service runs here).
runAdapterContract('ably-chat', {
  async setup() {
    const service = new FakeChatService()
    const clientOf = new Map<PresenceAdapter, FakeChatClient>()
    return {
      createAdapter(userId) {
        const client = service.client(userId)
        const adapter = createAblyChatAdapter({ connectOnServer: true, client, typingRefreshMs: 200 })
        clientOf.set(adapter, client)
        return adapter
      },
      async createPeer(room, userId) {
        const part = await service.client(userId).rooms.get(room)
        await part.attach()
        return {
          userId,
          join: (data) => part.presence.enter(json(data)),
          update: (data) => part.presence.update(json(data)),
          leave: () => part.presence.leave(),
          typing: (typing) => (typing ? part.typing.keystroke() : part.typing.stop()),
        }
      },
      async dropLink(adapter) {
        service.drop(clientOf.get(adapter)!)
      },
      async restoreLink(adapter) {
        service.restore(clientOf.get(adapter)!)
      },
      async sendMalformed(room) {
        service.deliver(room, { type: 'enter', member: { clientId: ['x'], connectionId: 3 } })
      },
      settle: () => sleep(10),
      async close() {},
    }
  },
})
