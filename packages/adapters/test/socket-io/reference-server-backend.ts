import type { PresenceAdapter } from '@presence-kit/core'
import { createPresenceServer, createPresenceToken, type PresenceServer } from '@presence-kit/server'
import {
  createSocketIoAdapter,
  type SocketIoAdapter,
  type SocketIoAdapterOptions,
} from '../../src/socket-io/index.js'
import type { ContractBackend } from '../contract/harness.js'
import { sleep } from '../contract/observe.js'
import { startTcpLink, type TcpLink } from '../support/tcp-link.js'
import { connectProtocolPeer, type ProtocolPeer } from './protocol-peer.js'

const SECRET = 'contract-test-secret-of-enough-length'

/**
 * The reference server (`@presence-kit/server`, in memory) on a free loopback port. Each adapter
 * under test is the real socket.io-client behind its own TCP link, so a test can cut its link as a
 * network would; peers are bare socket.io clients speaking the wire protocol. `batchWindowMs` is
 * the server's: above 0 the adapters get `presence:batch` frames, at 0 every change on its own.
 * `countOnly` is the server's option too, and `adapterOptions` go to every adapter under test
 * (`counts: true`, a token function, slower reconnection).
 */
export async function startReferenceServerBackend({
  batchWindowMs,
  countOnly,
  adapterOptions,
}: {
  batchWindowMs: number
  countOnly?: (room: string) => boolean
  adapterOptions?: (userId: string) => Partial<SocketIoAdapterOptions>
}): Promise<ContractBackend & { readonly server: PresenceServer; tokenFor(userId: string): string }> {
  const server = createPresenceServer({
    secret: SECRET,
    logger: 'silent',
    batchWindowMs,
    ...(countOnly === undefined ? {} : { countOnly }),
  })
  const { port } = await server.listen(0, '127.0.0.1')
  const adapters: SocketIoAdapter[] = []
  const peers: ProtocolPeer[] = []
  const links: TcpLink[] = []
  const linkOf = new Map<PresenceAdapter, TcpLink>()
  const tokenFor = (userId: string) => createPresenceToken({ userId }, SECRET)

  return {
    server,
    tokenFor,
    async createAdapter(userId) {
      const link = await startTcpLink(port)
      links.push(link)
      const adapter = createSocketIoAdapter({
        connectOnServer: true,
        url: `http://127.0.0.1:${link.port}`,
        token: tokenFor(userId),
        // Short delays: a restored link is used again within a few tens of milliseconds.
        socketOptions: { forceNew: true, reconnectionDelay: 30, reconnectionDelayMax: 60 },
        ...adapterOptions?.(userId),
      })
      adapters.push(adapter)
      linkOf.set(adapter, link)
      return adapter
    },
    async createPeer(room, userId) {
      const peer = await connectProtocolPeer(`http://127.0.0.1:${port}`, tokenFor(userId), room, userId)
      peers.push(peer)
      return peer
    },
    async dropLink(adapter) {
      // The TCP connection closes under both ends: the server sees the socket go and removes its
      // presence; the client sees its transport close, and its retries are refused until restored.
      linkOf.get(adapter)!.cut()
    },
    async restoreLink(adapter) {
      // socket.io-client reconnects by itself once the link accepts connections again.
      linkOf.get(adapter)!.restore()
    },
    async sendMalformed(room) {
      // The reference server never sends a malformed message, so this is the one thing here that
      // is made up: the server's own Socket.IO instance writes a real frame of the kind the
      // adapters get (a `presence:join`, or a `presence:batch` when batching), with a connection
      // of the wrong types and no version, to every connected socket.
      const connection = { connectionId: 7, userId: ['ada'], data: 'nope' }
      if (batchWindowMs === 0) server.io.emit('presence:join', { room, connection })
      else
        server.io.emit('presence:batch', { room, changes: [{ type: 'join', connection }, { type: 'leave' }] })
    },
    // A change may wait for the end of its batching window before it travels.
    settle: () => sleep(60 + batchWindowMs),
    async close() {
      for (const adapter of adapters) adapter.destroy?.()
      for (const peer of peers) peer.socket.disconnect()
      for (const link of links) await link.close()
      await server.close()
    },
  }
}
