import { randomUUID } from 'node:crypto'
import { createServer, type Server as HttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Server, type Socket } from 'socket.io'
import { devAuthenticate, tokenAuthenticate } from './authenticate.js'
import { memoryLink, type ClusterLink } from './cluster-link.js'
import { PresenceEngine } from './engine.js'
import type { Reader } from './watcher-fan-out.js'
import { PresenceServerError, isPresenceServerError } from './errors.js'
import { pathOf, writeHealth, type HealthReport } from './health.js'
import { profileOf, toIdentity, type PresenceIdentity } from './identity.js'
import { createJsonLogger, silentLogger, type PresenceLogger } from './logger.js'
import {
  resolveBatchWindowMs,
  resolveCountOnly,
  resolveClusterTimings,
  resolveLimits,
  type Authenticate,
  type Authorize,
  type PresenceServerOptions,
} from './options.js'
import { PROTOCOL_VERSION, SERVER_EVENTS, type WelcomeMessage, type WireConnection } from './protocol.js'
import { RedisLink } from './redis/redis-link.js'
import { PresenceSession } from './session.js'

export interface PresenceServer {
  /** The Socket.IO server underneath, for anything presence does not cover. */
  readonly io: Server
  /** The HTTP server it serves on: the one it was given, or its own. */
  readonly httpServer: HttpServer
  readonly nodeId: string
  /** Resolves once the node can serve rooms (with Redis: connected and its previous run purged, or given up waiting). */
  readonly ready: Promise<void>
  /** Listens on its own HTTP server (not for an attached one). @default port 0 (any free port), host 127.0.0.1 */
  listen(port?: number, host?: string): Promise<AddressInfo>
  health(): HealthReport
  /** Rooms this node serves (those with a local watcher). */
  rooms(): string[]
  /** The connections of a room this node serves, as its clients see them. */
  connections(room: string): WireConnection[]
  /** Leaves every room for its connections, takes the node out of Redis, closes. */
  close(): Promise<void>
}

const allowEveryone: Authorize = () => true

function resolveLogger(option: PresenceServerOptions['logger'], nodeId: string): PresenceLogger {
  if (option === 'silent') return silentLogger
  if (typeof option === 'object') return option
  return createJsonLogger({ level: option ?? 'info', base: { node: nodeId } })
}

function resolveAuthenticate(options: PresenceServerOptions, log: PresenceLogger): Authenticate {
  if (options.authenticate !== undefined) {
    if (options.devMode === true) {
      throw new PresenceServerError(
        'invalid-options',
        'devMode and authenticate exclude each other; choose one',
      )
    }
    return options.authenticate
  }
  if (options.devMode === true) {
    const banner = [
      '',
      '!!! presence-kit server in DEVELOPMENT MODE !!!',
      '!!! every client is whoever its ?userId= says: never run this mode where others can connect !!!',
      '',
    ].join('\n')
    if (options.logger !== 'silent') process.stderr.write(`${banner}\n`)
    log.warn('development mode: identities are taken from the query, unauthenticated')
    return devAuthenticate
  }
  const secret = options.secret ?? process.env.PRESENCE_SECRET
  if (secret === undefined || secret === '') {
    throw new PresenceServerError(
      'invalid-options',
      'no secret for presence tokens: set PRESENCE_SECRET (or pass secret, or authenticate; devMode for local development)',
    )
  }
  return tokenAuthenticate(secret)
}

function handshakeError(error: unknown, log: PresenceLogger): Error {
  const passThrough = new Set(['unsupported-protocol', 'too-many-connections', 'unavailable', 'unauthorized'])
  let code = 'unauthorized'
  let message = 'authentication failed'
  if (isPresenceServerError(error) && passThrough.has(error.code)) {
    code = error.code
    message = error.message
  } else {
    // A custom authenticate's own error may say more than a client should hear: logged, not sent.
    log.warn('authenticate failed', { error })
  }
  const failure = new Error(message) as Error & { data?: unknown }
  failure.data = { code, message }
  return failure
}

/** What a client said in its handshake it reads: `auth.batch: true`, `auth.counts: true`. */
function readerOf(auth: unknown): Reader {
  const fields =
    typeof auth === 'object' && auth !== null ? (auth as { batch?: unknown; counts?: unknown }) : {}
  return { readsBatches: fields.batch === true, readsCounts: fields.counts === true }
}

/** A presence layer on Socket.IO: identity, rooms, limits, and Redis for several nodes. */
export function createPresenceServer(options: PresenceServerOptions = {}): PresenceServer {
  const nodeId = options.nodeId ?? `node-${randomUUID().slice(0, 8)}`
  const runId = randomUUID()
  const log = resolveLogger(options.logger, nodeId)
  const limits = resolveLimits(options.limits)
  const timings = resolveClusterTimings(options.cluster)
  const authenticate = resolveAuthenticate(options, log)
  const authorize = options.authorize ?? allowEveryone
  const typingTtlMs = options.typingTtlMs ?? 6000
  const batchWindowMs = resolveBatchWindowMs(options.batchWindowMs)
  const healthPath = options.healthPath ?? '/healthz'
  const owned = options.server === undefined
  const startedAt = Date.now()
  let closing = false

  const httpServer =
    options.server ??
    createServer((request, response) => {
      if (healthPath !== false && pathOf(request) === healthPath) {
        writeHealth(response, health())
        return
      }
      response.writeHead(404, { 'content-type': 'text/plain' })
      response.end('not found')
    })

  const io = new Server(httpServer, {
    path: options.path ?? '/socket.io',
    serveClient: false,
    // The hard cut: larger frames close the transport. Smaller messages over the presence
    // limit get a `message-too-large` answer instead.
    maxHttpBufferSize: limits.maxMessageBytes * 4,
    pingInterval: options.pingIntervalMs ?? 10_000,
    pingTimeout: options.pingTimeoutMs ?? 10_000,
    ...(options.corsOrigin === undefined ? {} : { cors: { origin: options.corsOrigin as string } }),
  })

  const engine = new PresenceEngine(
    io,
    nodeId,
    runId,
    log,
    batchWindowMs,
    resolveCountOnly(options.countOnly),
  )
  const link: ClusterLink =
    options.redisUrl === undefined
      ? memoryLink
      : new RedisLink({
          url: options.redisUrl,
          prefix: options.redisKeyPrefix ?? 'presence-kit',
          timings,
          engine,
          log,
        })
  engine.link = link
  const ready = link.start().then(() => log.info('presence server ready', { redis: link.status() }))

  const sessions = new Set<PresenceSession>()
  const connectionsPerUser = new Map<string, number>()

  io.use((socket, next) => {
    const admit = async (): Promise<PresenceIdentity> => {
      if (closing) throw new PresenceServerError('unavailable', 'the server is shutting down')
      const auth: unknown = socket.handshake.auth
      const protocol =
        typeof auth === 'object' && auth !== null ? (auth as { protocol?: unknown }).protocol : undefined
      if (protocol !== undefined && protocol !== PROTOCOL_VERSION) {
        throw new PresenceServerError(
          'unsupported-protocol',
          `this server speaks protocol ${PROTOCOL_VERSION}`,
        )
      }
      const identity = toIdentity(await authenticate(socket.handshake))
      const open = connectionsPerUser.get(identity.userId) ?? 0
      if (open >= limits.maxConnectionsPerUser) {
        throw new PresenceServerError(
          'too-many-connections',
          `at most ${limits.maxConnectionsPerUser} connections a user`,
        )
      }
      return identity
    }
    admit().then(
      (identity) => {
        connectionsPerUser.set(identity.userId, (connectionsPerUser.get(identity.userId) ?? 0) + 1)
        ;(socket.data as { identity?: PresenceIdentity }).identity = identity
        next()
      },
      (error: unknown) => next(handshakeError(error, log)),
    )
  })

  io.on('connection', (socket: Socket) => {
    const identity = (socket.data as { identity: PresenceIdentity }).identity
    if (closing) {
      // Admitted just before close() began: close() has already passed its session by.
      socket.disconnect(true)
      return
    }
    const reader = readerOf(socket.handshake.auth)
    const session = new PresenceSession(socket, identity, {
      engine,
      limits,
      authorize,
      typingTtlMs,
      log,
      ready,
      reader,
    })
    sessions.add(session)
    const welcome: WelcomeMessage = {
      protocol: PROTOCOL_VERSION,
      connectionId: socket.id,
      user: { id: identity.userId, ...profileOf(identity) },
      limits: {
        ...limits,
        typingTtlMs,
        batchWindowMs: engine.watchers.batching(reader.readsBatches) ? batchWindowMs : 0,
      },
    }
    socket.emit(SERVER_EVENTS.welcome, welcome)
    log.debug('connected', { connection: socket.id, user: identity.userId })
    socket.on('disconnect', (reason) => {
      session.close()
      sessions.delete(session)
      const open = (connectionsPerUser.get(identity.userId) ?? 1) - 1
      if (open <= 0) connectionsPerUser.delete(identity.userId)
      else connectionsPerUser.set(identity.userId, open)
      log.debug('disconnected', { connection: socket.id, user: identity.userId, reason })
    })
  })

  function health(): HealthReport {
    const redis = link.status()
    return {
      status: closing ? 'closing' : redis === 'down' ? 'degraded' : 'ok',
      node: nodeId,
      redis,
      connections: sessions.size,
      rooms: engine.rooms.size,
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
    }
  }

  let closed: Promise<void> | undefined
  async function close(): Promise<void> {
    closing = true
    engine.watchers.stop()
    for (const session of sessions) session.close()
    // Cut before taking the node out of Redis, which can take a while: a socket left open meanwhile
    // would have its messages dropped unanswered.
    io.disconnectSockets(true)
    await link.stop()
    if (owned) {
      await new Promise<void>((resolve) => {
        void io.close(() => resolve())
      })
    } else {
      io.engine.close()
    }
    log.info('presence server closed')
  }

  return {
    io,
    httpServer,
    nodeId,
    ready,
    async listen(port = 0, host = '127.0.0.1') {
      if (!owned)
        throw new PresenceServerError(
          'invalid-options',
          'listen() is for the server’s own HTTP server; listen on yours',
        )
      await new Promise<void>((resolve, reject) => {
        httpServer.once('error', reject)
        httpServer.listen(port, host, () => {
          httpServer.off('error', reject)
          resolve()
        })
      })
      await ready
      const address = httpServer.address() as AddressInfo
      log.info('listening', { host: address.address, port: address.port })
      return address
    },
    health,
    rooms: () => [...engine.rooms.keys()],
    connections: (room) => engine.rooms.get(room)?.snapshot() ?? [],
    close: () => (closed ??= close()),
  }
}
