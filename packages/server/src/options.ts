import type { Server as HttpServer } from 'node:http'
import type { Socket } from 'socket.io'
import { PresenceServerError } from './errors.js'
import type { PresenceIdentity } from './identity.js'
import type { LogLevel, PresenceLogger } from './logger.js'

/** What a client sent when it connected: `auth`, `query`, headers, address. */
export type Handshake = Socket['handshake']

/** What `authorize` is asked: may this user enter the room's presence, or only see it. */
export type RoomAction = 'join' | 'watch'

export type Authenticate = (handshake: Handshake) => PresenceIdentity | Promise<PresenceIdentity>
export type Authorize = (
  user: PresenceIdentity,
  room: string,
  action: RoomAction,
) => boolean | Promise<boolean>

/** Bounds on what one connection may send; each violation is answered with an error code. */
export interface PresenceLimits {
  /** UTF-8 bytes of one connection's presence data, as JSON. Code `data-too-large`. */
  readonly maxDataBytes: number
  /** UTF-8 bytes of one message, as JSON. Code `message-too-large`. */
  readonly maxMessageBytes: number
  /** Joins and updates a second, per connection (bursts of twice as many). Code `rate-limited`. */
  readonly updatesPerSecond: number
  /** Typing signals a second, per connection (bursts of twice as many). Code `rate-limited`. */
  readonly typingPerSecond: number
  /** Messages of any kind a second, per connection (bursts of twice as many). Code `rate-limited`. */
  readonly messagesPerSecond: number
  /** Open connections of one user on one node. Code `too-many-connections`. */
  readonly maxConnectionsPerUser: number
  /** Distinct users present in one room. Code `room-full`. */
  readonly maxMembersPerRoom: number
  /** Rooms one connection watches or joins at once. Code `too-many-rooms`. */
  readonly maxRoomsPerConnection: number
  /** Characters of a room name. Code `invalid-message`. */
  readonly maxRoomNameLength: number
}

export const DEFAULT_LIMITS: PresenceLimits = {
  maxDataBytes: 4096,
  maxMessageBytes: 16_384,
  updatesPerSecond: 10,
  typingPerSecond: 5,
  messagesPerSecond: 50,
  maxConnectionsPerUser: 20,
  maxMembersPerRoom: 10_000,
  maxRoomsPerConnection: 100,
  maxRoomNameLength: 200,
}

/** How nodes that share a Redis notice each other. */
export interface ClusterTimings {
  /** How often a node renews its heartbeat key. @default 2000 */
  readonly heartbeatIntervalMs: number
  /**
   * A node silent this long has its members' leaves sent to every other node's clients. Its
   * heartbeat key lives `nodeTtlMs - sweepIntervalMs`, so the expiry plus the next sweep fit in it.
   * @default 10000
   */
  readonly nodeTtlMs: number
  /** How often a node looks for dead nodes and sweeps their members. @default 2000 */
  readonly sweepIntervalMs: number
}

export const DEFAULT_CLUSTER_TIMINGS: ClusterTimings = {
  heartbeatIntervalMs: 2000,
  nodeTtlMs: 10_000,
  sweepIntervalMs: 2000,
}

export interface PresenceServerOptions {
  // The options an app usually reads from its environment also take undefined (the default), so
  // `process.env.REDIS_URL` can be passed as it is under exactOptionalPropertyTypes.
  /** An HTTP server to attach to. Without it the presence server makes its own (see `listen`). */
  readonly server?: HttpServer
  /** Socket.IO's path. @default '/socket.io' */
  readonly path?: string
  /** Allowed browser origins (Socket.IO's `cors.origin`). @default no cross-origin requests */
  readonly corsOrigin?: string | readonly string[] | boolean
  /**
   * The secret the default `authenticate` checks tokens with.
   * @default process.env.PRESENCE_SECRET
   */
  readonly secret?: string | undefined
  /** Who a connection is. @default verifies `handshake.auth.token` made by `createPresenceToken` */
  readonly authenticate?: Authenticate
  /**
   * Trust `userId`, `name` and `avatarUrl` from the handshake's query. For local development only:
   * anyone can be anyone. The server logs a warning at start.
   * @default false
   */
  readonly devMode?: boolean
  /** Who may join or watch a room. @default everyone may */
  readonly authorize?: Authorize
  readonly limits?: Partial<PresenceLimits>
  /**
   * How long a room's changes are gathered into one `presence:batch` frame for the clients that
   * read batches (the Socket.IO adapter does). The first change after a quiet window goes out at
   * once; the rest of the window's changes follow together at its end, each connection once. A
   * client of a busy room then gets at most one frame a window instead of one per change. `0`
   * sends every change on its own. Clients that do not ask for batches always get single events.
   * @default DEFAULT_BATCH_WINDOW_MS (see the README's "Big rooms" for the measurements)
   */
  readonly batchWindowMs?: number
  /**
   * Rooms too big to list (a live event, a company-wide channel). Clients that read counts
   * (`auth.counts: true`) get such a room's number of users in `presence:count` frames instead of
   * its snapshot and its joins, updates and leaves; typing signals still reach them. A change to
   * the count goes out like a batch, at most once per `batchWindowMs`. Clients that do not read
   * counts still get the members. Decided by the room's name, once for the whole of a watch.
   * @default no room is count-only
   */
  readonly countOnly?: (room: string) => boolean
  /** How long receivers keep a typing signal without a fresh one, sent with each signal. @default 6000 */
  readonly typingTtlMs?: number
  /** Socket.IO's ping interval: how often the server checks a client is there. @default 10000 */
  readonly pingIntervalMs?: number
  /** Socket.IO's ping timeout: a client silent this long after a ping is gone. @default 10000 */
  readonly pingTimeoutMs?: number
  /** A Redis URL: rooms are shared with every node on the same Redis. @default in memory, one node */
  readonly redisUrl?: string | undefined
  /** Prefix of every Redis key and channel, to share one Redis between deployments. @default 'presence-kit' */
  readonly redisKeyPrefix?: string | undefined
  readonly cluster?: Partial<ClusterTimings>
  /**
   * This node's name in Redis. Keep it across restarts (a host name and port, a pod name): a node
   * that starts under a name purges what its previous run left there.
   * @default a random id
   */
  readonly nodeId?: string | undefined
  /** Where logs go: a logger, a level for JSON lines on stdout, or 'silent'. @default 'info' */
  readonly logger?: PresenceLogger | LogLevel | 'silent'
  /** Served when the presence server owns its HTTP server; `false` to leave it out. @default '/healthz' */
  readonly healthPath?: string | false
}

/** The batching window chosen from bench:server's big-room runs (see the README's "Big rooms"). */
export const DEFAULT_BATCH_WINDOW_MS = 50

export function resolveBatchWindowMs(value: unknown = DEFAULT_BATCH_WINDOW_MS): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 10_000) {
    throw new PresenceServerError(
      'invalid-options',
      `batchWindowMs must be a whole number of milliseconds from 0 to 10000, got ${String(value)}`,
    )
  }
  return value
}

export function resolveCountOnly(value: unknown): ((room: string) => boolean) | undefined {
  if (value === undefined || typeof value === 'function')
    return value as ((room: string) => boolean) | undefined
  throw new PresenceServerError(
    'invalid-options',
    `countOnly must be a function of the room name, got ${typeof value}`,
  )
}

function positiveInteger(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
    throw new PresenceServerError(
      'invalid-options',
      `${name} must be a positive integer, got ${String(value)}`,
    )
  }
  return value
}

export function resolveLimits(limits: Partial<PresenceLimits> = {}): PresenceLimits {
  const resolved = { ...DEFAULT_LIMITS, ...limits }
  for (const [key, value] of Object.entries(resolved)) positiveInteger(value, `limits.${key}`)
  return resolved
}

/** How long a node's heartbeat key lives: expiry plus one sweep stays within `nodeTtlMs`. */
export function heartbeatKeyLifeMs(timings: ClusterTimings): number {
  return timings.nodeTtlMs - timings.sweepIntervalMs
}

export function resolveClusterTimings(timings: Partial<ClusterTimings> = {}): ClusterTimings {
  const resolved = { ...DEFAULT_CLUSTER_TIMINGS, ...timings }
  for (const [key, value] of Object.entries(resolved)) positiveInteger(value, `cluster.${key}`)
  if (heartbeatKeyLifeMs(resolved) < resolved.heartbeatIntervalMs * 2) {
    throw new PresenceServerError(
      'invalid-options',
      'cluster.nodeTtlMs must be at least twice cluster.heartbeatIntervalMs plus cluster.sweepIntervalMs: ' +
        'the heartbeat key lives nodeTtlMs - sweepIntervalMs and must outlast two heartbeats, or a slow one looks like a dead node',
    )
  }
  return resolved
}
