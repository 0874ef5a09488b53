import type { IncomingMessage } from 'node:http'
import { createPresenceServer } from '@presence-kit/server'

/** One connection attempt the presence server received, as its HTTP request showed it. */
export interface Handshake {
  /** The `User-Agent` header: a browser's own, or none from Node's socket.io client. */
  readonly userAgent: string | undefined
  /** The `Origin` header: browsers always send it, Node's socket.io client does not. */
  readonly origin: string | undefined
  /** `userId` from the query, as the development identity reads it. */
  readonly userId: string | null
}

/**
 * The reference server in memory and in development mode (the query's `userId` is the identity),
 * in this process, on a free loopback port, noting every connection attempt it receives: each
 * Socket.IO handshake, accepted or refused, over WebSocket or long-polling.
 */
export interface RecordingPresenceServer {
  readonly url: string
  /** Every connection attempt since the start or the last `forget()`, in order. */
  handshakes(): readonly Handshake[]
  forget(): void
  stop(): Promise<void>
}

const SOCKET_IO_PATH = '/socket.io/'

/** A new connection: a WebSocket upgrade or a polling request that has no session id yet. */
function handshakeOf(request: IncomingMessage, upgrade: boolean): Handshake | undefined {
  const url = new URL(request.url ?? '/', 'http://presence.invalid')
  if (!url.pathname.startsWith(SOCKET_IO_PATH)) return undefined
  if (!upgrade && url.searchParams.has('sid')) return undefined
  // A WebSocket upgrade of a polling session is the same connection, not a new one.
  if (upgrade && url.searchParams.has('sid')) return undefined
  return {
    userAgent: request.headers['user-agent'],
    origin: request.headers.origin,
    userId: url.searchParams.get('userId'),
  }
}

export async function startRecordingPresenceServer(): Promise<RecordingPresenceServer> {
  const server = createPresenceServer({ devMode: true, logger: 'silent' })
  let seen: Handshake[] = []
  const note = (request: IncomingMessage, upgrade: boolean) => {
    const handshake = handshakeOf(request, upgrade)
    if (handshake !== undefined) seen.push(handshake)
  }
  server.httpServer.on('upgrade', (request: IncomingMessage) => note(request, true))
  server.httpServer.on('request', (request: IncomingMessage) => note(request, false))
  const address = await server.listen(0, '127.0.0.1')
  return {
    url: `http://127.0.0.1:${address.port}`,
    handshakes: () => [...seen],
    forget: () => {
      seen = []
    },
    stop: () => server.close(),
  }
}
