import { PresenceError, type LocalPresence, type PresenceAdapter } from '@presence-kit/core'
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client'
import { defineAdapter } from '../shared/define-adapter.js'
import type { ConnectOptions } from '../shared/environment.js'
import type { RoomLink } from '../shared/room-link.js'
import {
  CLIENT_EVENTS,
  PROTOCOL_VERSION,
  SERVER_EVENTS,
  WireError,
  readBatch,
  readConnectionMessage,
  readCount,
  readLeave,
  readServerError,
  readSnapshot,
  readTyping,
  roomOf,
} from './wire.js'

export interface SocketIoAdapterOptions extends ConnectOptions {
  /** The presence server's URL. Give this or `socket`. */
  readonly url?: string
  /**
   * A token from the server's `createPresenceToken`, or a function asked for one at every
   * connection (so an expired token can be renewed).
   */
  readonly token?: string | (() => string | Promise<string>)
  /** Query parameters: `{ userId, name }` for a server in development mode. */
  readonly query?: Readonly<Record<string, string>>
  /**
   * More socket.io-client options (transports, reconnection delays, path). The adapter makes its
   * socket with `autoConnect: false` whatever is given here and connects it when the first room
   * opens.
   */
  readonly socketOptions?: Partial<ManagerOptions & SocketOptions>
  /**
   * Read counts: a room the server keeps count-only (its `countOnly` option, or
   * `--count-only-prefix`) then arrives as its number of users and typing only, and the room's
   * state has `mode: 'count'`. Without it the server sends such a room's members like any other.
   * Sent to the server as `auth.counts: true`. @default false
   */
  readonly counts?: boolean
  /**
   * A socket you made yourself (with `auth: { token, protocol: 1, batch: true }`; without
   * `batch: true` the server sends it every change on its own; add `counts: true` to read counts,
   * as the `counts` option does); the adapter then leaves it open on `destroy()`. Made with `autoConnect: false`, it is connected when the first room opens.
   */
  readonly socket?: Socket
}

export interface SocketIoAdapter extends PresenceAdapter {
  readonly name: 'socket-io'
  /**
   * The socket underneath: one connection, one tab. Made on first read (or when the first room
   * opens), without connecting: the first room connects it.
   */
  readonly socket: Socket
  /** Connects a socket that is down or between attempts at once (what `room.retry()` asks for). */
  reconnect(): void
}

/**
 * `batch: true`: this client reads `presence:batch` frames, so a busy room costs it one frame a
 * window. `counts: true`: it reads `presence:count` frames for count-only rooms.
 */
type Auth = { token?: string; protocol: number; batch: true; counts?: true }

function authOption(
  token: SocketIoAdapterOptions['token'],
  counts: boolean | undefined,
): Auth | ((callback: (auth: Auth) => void) => void) {
  const base: Auth = { protocol: PROTOCOL_VERSION, batch: true, ...(counts === true && { counts }) }
  if (typeof token !== 'function') return token === undefined ? base : { token, ...base }
  return (callback) => {
    Promise.resolve()
      .then(token)
      .then(
        (value) => callback({ token: value, ...base }),
        // Without a token the server refuses the handshake, which reports it as `failed`.
        () => callback(base),
      )
  }
}

function serverError(code: string, message: string): PresenceError {
  return new PresenceError('adapter-error', `presence server: ${message}`, { detail: { code } })
}

/**
 * The client of `@presence-kit/server`: one Socket.IO connection shared by every room. The store
 * keeps the rules; this maps the wire to its sink and its calls to the wire. The socket is made and
 * connected when the first room opens in a browser, never when the adapter is created.
 */
export function createSocketIoAdapter(options: SocketIoAdapterOptions): SocketIoAdapter {
  if (options.socket === undefined && (typeof options.url !== 'string' || options.url === '')) {
    throw new PresenceError('invalid-options', 'createSocketIoAdapter needs the server url (or a socket)')
  }
  const owned = options.socket === undefined
  let made = options.socket
  /** The socket, made on first use and not connected by making it: `token()` is asked on connect. */
  const socketOf = (): Socket =>
    (made ??= io(options.url as string, {
      transports: ['websocket'],
      ...options.socketOptions,
      autoConnect: false,
      auth: authOption(options.token, options.counts),
      ...(options.query === undefined ? {} : { query: { ...options.query } }),
    }))
  const rooms = new Map<string, RoomLink>()
  let destroyed = false

  const send = (event: string, body: unknown) => {
    const socket = socketOf()
    if (socket.connected) socket.emit(event, body)
  }
  const forEachRoom = (apply: (link: RoomLink) => void) => {
    // A copy: a sink may close rooms while it is told.
    for (const link of Array.from(rooms.values())) apply(link)
  }

  function greet(link: RoomLink): void {
    // Watch first: the server then answers with a snapshot, which the store waits for.
    send(CLIENT_EVENTS.watch, { room: link.room })
    link.up(socketOf().id)
  }

  const onConnect = () => forEachRoom(greet)
  const onDisconnect = (reason: Socket.DisconnectReason) => {
    // What was emitted once the heartbeat was overdue (the socket still said connected) waits in
    // the socket's buffer, which it would send on the next connection ahead of the watch and join
    // sent there: an update refused as `not-joined`, a stale presence. Presence is sent again on
    // the next link anyway; the app's own events on its socket stay.
    const socket = socketOf()
    // Read defensively: a socket the app hands in may be its own stand-in without the buffer.
    const held = socket.sendBuffer as typeof socket.sendBuffer | undefined
    if (held !== undefined) socket.sendBuffer = held.filter((packet) => !isPresenceEvent(packet.data))
    const status = reason === 'io client disconnect' ? 'disconnected' : 'reconnecting'
    forEachRoom((link) => link.down(status))
    // A server that shuts down says goodbye; another node (or the same one, back) is tried again.
    if (reason === 'io server disconnect') socketOf().connect()
  }
  const onConnectError = (error: Error & { data?: unknown }) => {
    if (socketOf().active) return
    // Refused by the server (no identity, too many connections): retrying would not help.
    const data = error.data as { code?: unknown } | undefined
    const code = typeof data?.code === 'string' ? data.code : 'unauthorized'
    forEachRoom((link) => link.fail(serverError(code, error.message)))
  }
  /** Malformed input becomes an `error` event on the room it names, or on every room. */
  function report(error: unknown, room: string | undefined): void {
    const target = error instanceof WireError ? (error.room ?? room) : room
    const reported = new PresenceError(
      'invalid-input',
      `malformed message from the presence server: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    )
    const link = target === undefined ? undefined : rooms.get(target)
    if (link !== undefined) link.sink.error(reported)
    else forEachRoom((each) => each.sink.error(reported))
  }

  function route(message: unknown, deliver: (link: RoomLink, room: string) => void): void {
    let room: string | undefined
    try {
      room = roomOf(message)
      const link = rooms.get(room)
      if (link !== undefined) deliver(link, room)
    } catch (error) {
      report(error, room)
    }
  }

  /**
   * A batch is its changes delivered one after another in one turn, so the store commits them
   * together; its malformed changes are reported once and the others delivered.
   */
  function deliverBatch(link: RoomLink, room: string, message: unknown): void {
    const batch = readBatch(message, room)
    for (const change of batch.changes) {
      if ('connection' in change) {
        if (change.type === 'join') link.sink.join(change.connection)
        else link.sink.update(change.connection)
      } else if (change.type === 'leave') link.sink.leave(change.leave)
      else link.sink.typing(change.typing)
    }
    if (batch.error !== undefined) report(batch.error, room)
  }

  const handlers: Record<string, (message: unknown) => void> = {
    [SERVER_EVENTS.snapshot]: (message) =>
      route(message, (link, room) => link.sink.snapshot(readSnapshot(message, room))),
    [SERVER_EVENTS.join]: (message) =>
      route(message, (link, room) => link.sink.join(readConnectionMessage(message, room))),
    [SERVER_EVENTS.update]: (message) =>
      route(message, (link, room) => link.sink.update(readConnectionMessage(message, room))),
    [SERVER_EVENTS.leave]: (message) =>
      route(message, (link, room) => link.sink.leave(readLeave(message, room))),
    [SERVER_EVENTS.typing]: (message) =>
      route(message, (link, room) => link.sink.typing(readTyping(message, room))),
    [SERVER_EVENTS.count]: (message) =>
      route(message, (link, room) => link.sink.count?.(readCount(message, room))),
    [SERVER_EVENTS.batch]: (message) => route(message, (link, room) => deliverBatch(link, room, message)),
    [SERVER_EVENTS.error]: (message) => {
      let parsed: ReturnType<typeof readServerError>
      try {
        parsed = readServerError(message)
      } catch (error) {
        forEachRoom((link) =>
          link.sink.error(
            new PresenceError('invalid-input', 'malformed error from the presence server', { cause: error }),
          ),
        )
        return
      }
      const error = serverError(parsed.code, parsed.message)
      const link = parsed.room === undefined ? undefined : rooms.get(parsed.room)
      if (link !== undefined) link.sink.error(error)
      else forEachRoom((each) => each.sink.error(error))
    },
  }

  const listen = (socket: Socket, on: boolean) => {
    const method = on ? socket.on.bind(socket) : socket.off.bind(socket)
    method('connect', onConnect)
    method('disconnect', onDisconnect)
    method('connect_error', onConnectError)
    for (const [event, handler] of Object.entries(handlers)) method(event, handler)
  }

  const adapter = defineAdapter('socket-io', options, {
    connect() {
      const socket = socketOf()
      listen(socket, true)
      // `autoConnect: false`, or an app's socket not yet connected: the first room connects it.
      if (!socket.connected && !socket.active) socket.connect()
      return socket
    },
    openRoom(link, socket) {
      const { room } = link
      if (rooms.has(room))
        throw new PresenceError('invalid-state', `socket-io adapter: room "${room}" is already open`)
      rooms.set(room, link)
      if (socket.connected) greet(link)
      return {
        enter: (presence) => send(CLIENT_EVENTS.join, { room, ...wireOf(presence) }),
        update: (presence) => send(CLIENT_EVENTS.update, { room, ...wireOf(presence) }),
        leave: () => send(CLIENT_EVENTS.leave, { room }),
        typing: (typing) => send(CLIENT_EVENTS.typing, { room, typing }),
        close() {
          rooms.delete(room)
          send(CLIENT_EVENTS.unwatch, { room })
        },
      }
    },
    disconnect(socket) {
      listen(socket, false)
      // A socket the app made stays open: it is the app's to close.
      if (owned) socket.disconnect()
    },
  })

  return {
    name: 'socket-io',
    openRoom: adapter.openRoom,
    destroy() {
      destroyed = true
      adapter.destroy()
    },
    reconnect() {
      // A socket that is down, or still waiting between attempts, tries again now: disconnecting
      // it first drops the pending attempt and its backoff. `token()` is asked again.
      if (destroyed || made === undefined || made.connected) return
      made.disconnect()
      made.connect()
    },
    get socket() {
      return socketOf()
    },
  }
}

const wireOf = (presence: LocalPresence) => ({ data: presence.data, activity: presence.activity })

const presenceEvents: ReadonlySet<unknown> = new Set(Object.values(CLIENT_EVENTS))
/** A buffered packet's data is `[event, ...args]`. */
const isPresenceEvent = (data: unknown) => Array.isArray(data) && presenceEvents.has(data[0])
