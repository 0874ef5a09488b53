import type { Socket } from 'socket.io'
import type { PresenceEngine } from './engine.js'
import type { Reader } from './watcher-fan-out.js'
import { PresenceServerError, isPresenceServerError, type ServerErrorCode } from './errors.js'
import { profileOf, type PresenceIdentity } from './identity.js'
import type { PresenceLogger } from './logger.js'
import type { Authorize, PresenceLimits, RoomAction } from './options.js'
import {
  CLIENT_EVENTS,
  SERVER_EVENTS,
  isWireError,
  jsonBytes,
  readActivity,
  readBody,
  readData,
  readRoom,
  readTypingFlag,
  type ErrorMessage,
  type WireAck,
  type WireProfile,
} from '@presence-kit/protocol'
import { TokenBucket } from './rate-limit.js'
import type { RoomReplica } from './room-replica.js'

export interface SessionContext {
  readonly engine: PresenceEngine
  readonly limits: PresenceLimits
  readonly authorize: Authorize
  readonly typingTtlMs: number
  readonly log: PresenceLogger
  /** Resolves once the node is ready to serve rooms (its Redis state purged). */
  readonly ready: Promise<void>
  /** What the client said it reads: batches (`auth.batch: true`), counts (`auth.counts: true`). */
  readonly reader: Reader
}

type Handler = (body: Record<string, unknown>) => Promise<void> | void

/**
 * One socket's presence: the rooms it watches and joins, its limits, and the order of its
 * messages (each is handled after the one before, even when that one waits for Redis).
 */
export class PresenceSession {
  private readonly watching = new Map<string, RoomReplica>()
  private readonly joined = new Set<string>()
  private readonly messages: TokenBucket
  private readonly updates: TokenBucket
  private readonly typingSignals: TokenBucket
  /** Answers to rejected messages are bounded too, so a flood is not echoed back in full. */
  private readonly errorReplies: TokenBucket
  private queue: Promise<void>
  private closed = false
  private readonly profile: WireProfile | undefined

  constructor(
    private readonly socket: Socket,
    readonly identity: PresenceIdentity,
    private readonly context: SessionContext,
  ) {
    const { limits } = context
    this.messages = new TokenBucket(limits.messagesPerSecond, limits.messagesPerSecond * 2)
    this.updates = new TokenBucket(limits.updatesPerSecond, limits.updatesPerSecond * 2)
    this.typingSignals = new TokenBucket(limits.typingPerSecond, limits.typingPerSecond * 2)
    this.errorReplies = new TokenBucket(limits.messagesPerSecond, limits.messagesPerSecond * 4)
    this.queue = context.ready
    this.profile = profileOf(identity)
    this.listen()
  }

  get connectionId(): string {
    return this.socket.id
  }

  private listen(): void {
    const handlers: Record<string, Handler> = {
      [CLIENT_EVENTS.watch]: (body) => this.watch(body),
      [CLIENT_EVENTS.unwatch]: (body) => this.unwatch(readRoom(body, this.context.limits.maxRoomNameLength)),
      [CLIENT_EVENTS.join]: (body) => this.join(body),
      [CLIENT_EVENTS.update]: (body) => this.update(body),
      [CLIENT_EVENTS.leave]: (body) => this.leave(readRoom(body, this.context.limits.maxRoomNameLength)),
      [CLIENT_EVENTS.typing]: (body) => this.typing(body),
    }
    for (const [event, handler] of Object.entries(handlers)) {
      this.socket.on(event, (...args: unknown[]) => this.receive(event, args, handler))
    }
    this.socket.onAny((event: unknown, ...args: unknown[]) => {
      if (typeof event === 'string' && event in handlers) return
      if (!this.messages.take()) return
      // As for every event: the acknowledgement, when there is one, carries the error instead.
      const last = args.at(-1)
      const ack = typeof last === 'function' ? (last as (answer: WireAck) => void) : undefined
      this.reject(
        String(event).slice(0, 64),
        undefined,
        ack,
        new PresenceServerError('invalid-message', 'unknown event'),
      )
    })
  }

  /** Checks size and rate at once, so a flood costs no more than the check, then queues the work. */
  private receive(event: string, args: unknown[], handler: Handler): void {
    const last = args.at(-1)
    const ack = typeof last === 'function' ? (last as (answer: WireAck) => void) : undefined
    const payload = args[0]
    const room =
      typeof payload === 'object' && payload !== null ? (payload as { room?: unknown }).room : undefined
    const roomName =
      typeof room === 'string' ? room.slice(0, this.context.limits.maxRoomNameLength) : undefined
    try {
      if (!this.messages.take()) throw new PresenceServerError('rate-limited', 'too many messages a second')
      const bytes = jsonBytes(payload)
      if (bytes === undefined) throw new PresenceServerError('invalid-message', 'the message is not JSON')
      if (bytes > this.context.limits.maxMessageBytes) {
        throw new PresenceServerError(
          'message-too-large',
          `the message is ${bytes} bytes; the limit is ${this.context.limits.maxMessageBytes}`,
        )
      }
      const body = readBody(payload)
      if (event === CLIENT_EVENTS.join || event === CLIENT_EVENTS.update) {
        if (!this.updates.take())
          throw new PresenceServerError('rate-limited', 'too many presence updates a second')
      } else if (event === CLIENT_EVENTS.typing) {
        if (!this.typingSignals.take())
          throw new PresenceServerError('rate-limited', 'too many typing signals a second')
      }
      this.queue = this.queue.then(async () => {
        if (this.closed) return
        try {
          await handler(body)
          ack?.({ ok: true })
        } catch (error) {
          this.reject(event, roomName, ack, error)
        }
      })
    } catch (error) {
      this.reject(event, roomName, ack, error)
    }
  }

  private reject(
    event: string,
    room: string | undefined,
    ack: ((answer: WireAck) => void) | undefined,
    error: unknown,
  ): void {
    if (this.closed || !this.errorReplies.take()) return
    let code: ServerErrorCode = 'internal-error'
    let message = 'the server could not handle the message'
    if (isPresenceServerError(error) || isWireError(error)) {
      code = error.code
      message = error.message
    } else {
      this.context.log.error('failed to handle a message', { event, error, connection: this.socket.id })
    }
    const body: ErrorMessage = { code, message, event }
    if (room !== undefined) body.room = room
    if (ack !== undefined) ack({ ok: false, error: body })
    else this.socket.emit(SERVER_EVENTS.error, body)
  }

  private async allowed(room: string, action: RoomAction): Promise<void> {
    let allowed: boolean
    try {
      allowed = (await this.context.authorize(this.identity, room, action)) === true
    } catch (error) {
      this.context.log.warn('authorize threw; refusing', { room, action, error })
      allowed = false
    }
    if (!allowed) throw new PresenceServerError('forbidden', `not allowed to ${action} this room`)
  }

  /** Watching a room: its snapshot now, then every change. Watching again sends a fresh snapshot. */
  private async watch(body: Record<string, unknown>): Promise<void> {
    const name = readRoom(body, this.context.limits.maxRoomNameLength)
    await this.ensureWatching(name, true)
  }

  private async ensureWatching(name: string, resend: boolean): Promise<RoomReplica> {
    const current = this.watching.get(name)
    if (current !== undefined) {
      if (resend) this.context.engine.watchers.subscribe(this.socket, current, this.context.reader)
      return current
    }
    if (this.watching.size >= this.context.limits.maxRoomsPerConnection) {
      throw new PresenceServerError(
        'too-many-rooms',
        `at most ${this.context.limits.maxRoomsPerConnection} rooms a connection`,
      )
    }
    await this.allowed(name, 'watch')
    if (this.closed) throw new PresenceServerError('internal-error', 'the connection closed')
    const room = await this.context.engine.open(name)
    // Disconnected while the room loaded: give the room back without touching it.
    if (this.closed || this.watching.has(name)) {
      this.context.engine.release(name)
      const existing = this.watching.get(name)
      if (existing !== undefined) return existing
      throw new PresenceServerError('internal-error', 'the connection closed')
    }
    this.watching.set(name, room)
    this.context.engine.watchers.subscribe(this.socket, room, this.context.reader)
    return room
  }

  private async join(body: Record<string, unknown>): Promise<void> {
    const name = readRoom(body, this.context.limits.maxRoomNameLength)
    const data = readData(body, this.context.limits.maxDataBytes)
    const activity = readActivity(body)
    await this.allowed(name, 'join')
    const room = await this.ensureWatching(name, false)
    if (this.closed) return
    const { userId } = this.identity
    if (!room.hasUser(userId) && room.memberCount >= this.context.limits.maxMembersPerRoom) {
      throw new PresenceServerError(
        'room-full',
        `the room holds its limit of ${this.context.limits.maxMembersPerRoom} members`,
      )
    }
    this.joined.add(name)
    this.put(room, data, activity)
  }

  private update(body: Record<string, unknown>): void {
    const name = readRoom(body, this.context.limits.maxRoomNameLength)
    const data = readData(body, this.context.limits.maxDataBytes)
    const activity = readActivity(body)
    const room = this.watching.get(name)
    if (room === undefined || !this.joined.has(name))
      throw new PresenceServerError('not-joined', 'join the room first')
    this.put(room, data, activity)
  }

  private put(
    room: RoomReplica,
    data: Record<string, unknown>,
    activity: ReturnType<typeof readActivity>,
  ): void {
    const { engine } = this.context
    const wire = {
      connectionId: this.socket.id,
      userId: this.identity.userId,
      data: data as never,
      version: engine.nextVersion(),
      ...(activity === undefined ? {} : { activity }),
      ...(this.profile === undefined ? {} : { profile: this.profile }),
    }
    engine.upsertLocal(room, { wire, node: engine.nodeId, run: engine.runId })
  }

  private leave(name: string): void {
    const room = this.watching.get(name)
    if (room === undefined || !this.joined.delete(name)) return
    const { engine } = this.context
    engine.leaveLocal(room, {
      room: name,
      connectionId: this.socket.id,
      userId: this.identity.userId,
      version: engine.nextVersion(),
    })
  }

  private unwatch(name: string): void {
    this.leave(name)
    if (!this.watching.delete(name)) return
    this.context.engine.watchers.unsubscribe(this.socket, name, this.context.reader)
    this.context.engine.release(name)
  }

  private typing(body: Record<string, unknown>): void {
    const name = readRoom(body, this.context.limits.maxRoomNameLength)
    const typing = readTypingFlag(body)
    const room = this.watching.get(name)
    if (room === undefined || !this.joined.has(name))
      throw new PresenceServerError('not-joined', 'join the room first')
    this.context.engine.typingLocal(room, {
      room: name,
      connectionId: this.socket.id,
      userId: this.identity.userId,
      typing,
      ttlMs: this.context.typingTtlMs,
    })
  }

  /** The socket is gone: its connections leave every room at once. */
  close(): void {
    if (this.closed) return
    for (const name of this.watching.keys()) this.unwatch(name)
    this.closed = true
  }
}
