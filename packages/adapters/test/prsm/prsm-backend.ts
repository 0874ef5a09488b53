import type { PresenceAdapter } from '@presence-kit/core'
import { RealtimeServer } from '@prsm/realtime'
import { RealtimeClient } from '@prsm/realtime/client'
import { WebSocket } from 'ws'
import { createPrsmAdapter } from '../../src/prsm/index.js'
import type { ContractBackend } from '../contract/harness.js'
import { sleep } from '../contract/observe.js'
import { freePort, type LocalRedis } from '../support/redis.js'
import { startTcpLink, type TcpLink } from '../support/tcp-link.js'

// `@prsm/realtime/client` uses the global WebSocket, which Node 20 does not have.
;(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket

export const TYPING_EXPIRE_MS = 500

/** A real `@prsm/realtime` server on a real Redis, with real clients, each behind its own link. */
export async function startPrsmBackend(
  redis: LocalRedis,
): Promise<ContractBackend & { server: RealtimeServer }> {
  const server = new RealtimeServer({ redis: { host: redis.host, port: redis.port }, pingInterval: 60_000 })
  const port = await freePort()
  await server.listen(port)
  // Each test starts from an empty Redis.
  await server.redisManager.redis.flushall()
  server.trackPresence(/.*/)
  const clients: RealtimeClient[] = []
  const links: TcpLink[] = []
  const linkOf = new Map<PresenceAdapter, TcpLink>()

  async function connectClient(userId: string | undefined, link?: TcpLink): Promise<RealtimeClient> {
    const client = new RealtimeClient(`ws://127.0.0.1:${link?.port ?? port}`, {
      reconnectInterval: 30,
      shouldReconnect: true,
    })
    clients.push(client)
    await client.connect()
    if (userId !== undefined) await client.setConnectionMetadata({ userId })
    return client
  }

  return {
    server,
    async createAdapter(userId) {
      const link = await startTcpLink(port)
      links.push(link)
      const client = await connectClient(userId, link)
      const adapter = createPrsmAdapter({ connectOnServer: true, client, typingExpireMs: TYPING_EXPIRE_MS })
      linkOf.set(adapter, link)
      return adapter
    },
    async createPeer(room, userId) {
      // Another real client, driven directly; it publishes the kit's state shape.
      const client = await connectClient(userId)
      let state: Record<string, unknown> = { userId, data: {}, typing: false }
      return {
        userId,
        async join(data) {
          state = { userId, data, typing: false }
          await client.joinRoom(room)
          await client.publishPresenceState(room, { state })
        },
        async update(data) {
          state = { ...state, data }
          await client.publishPresenceState(room, { state })
        },
        async leave() {
          await client.leaveRoom(room)
        },
        async typing(typing) {
          state = { ...state, typing }
          await client.publishPresenceState(
            room,
            typing ? { state, expireAfter: TYPING_EXPIRE_MS } : { state },
          )
        },
      }
    },
    async dropLink(adapter) {
      linkOf.get(adapter)!.cut()
    },
    async restoreLink(adapter) {
      linkOf.get(adapter)!.restore()
    },
    async sendMalformed(room) {
      // A connection in the room, with no user in its metadata, publishing a state of the wrong shape.
      const client = await connectClient(undefined)
      await client.joinRoom(room)
      await client.publishPresenceState(room, { state: { userId: 42, data: 'nope' } })
    },
    settle: () => sleep(80),
    async close() {
      for (const client of clients) await client.close().catch(() => {})
      for (const link of links) await link.close()
      await server.close()
    },
  }
}
