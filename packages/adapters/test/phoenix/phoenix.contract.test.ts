import type { PresenceAdapter } from '@presence-kit/core'
import { Socket } from 'phoenix'
import { WebSocket } from 'ws'
import { createPhoenixAdapter } from '../../src/phoenix/index.js'
import { runAdapterContract } from '../contract/run-adapter-contract.js'
import { sleep } from '../contract/observe.js'
import { phoenixPresenceChannel } from '../support/phoenix-presence-channel.js'
import { startPhoenixServer } from '../support/phoenix-server.js'

// The real `phoenix` client against a local server speaking Phoenix's channel protocol.
runAdapterContract('phoenix', {
  async setup() {
    const server = await startPhoenixServer(phoenixPresenceChannel)
    const sockets: Socket[] = []
    const clientOf = new Map<PresenceAdapter, string>()
    const blocks = new Map<string, (params: Readonly<Record<string, string>>) => boolean>()
    let clients = 0
    let peers = 0
    return {
      createAdapter(userId) {
        const client = `c${++clients}`
        const socket = new Socket(server.url, {
          transport: WebSocket,
          params: { user_id: userId, client },
          reconnectAfterMs: () => 20,
          rejoinAfterMs: () => 20,
        })
        sockets.push(socket)
        const adapter = createPhoenixAdapter({ connectOnServer: true, socket })
        clientOf.set(adapter, client)
        return adapter
      },
      createPeer(room, userId) {
        const topic = `presence:${room}`
        const owner = `peer-${++peers}`
        return {
          userId,
          async join(data) {
            server.track(topic, owner, userId, { presence_id: owner, data })
          },
          async update(data) {
            server.update(topic, owner, userId, { presence_id: owner, data })
          },
          async leave() {
            server.untrack(topic, owner)
          },
          async typing(typing) {
            server.broadcast(topic, 'presence:typing', { user_id: userId, presence_id: owner, typing })
          },
        }
      },
      async dropLink(adapter) {
        const client = clientOf.get(adapter)!
        const block = (params: Readonly<Record<string, string>>) => params.client === client
        blocks.set(client, block)
        server.drop(block)
      },
      async restoreLink(adapter) {
        const client = clientOf.get(adapter)!
        server.allow(blocks.get(client)!)
      },
      async sendMalformed(room) {
        server.broadcast(`presence:${room}`, 'presence_diff', {
          joins: { ada: { metas: 'nope' } },
          leaves: 5,
        })
      },
      settle: () => sleep(30),
      async close() {
        for (const socket of sockets) socket.disconnect()
        await server.close()
      },
    }
  },
})
