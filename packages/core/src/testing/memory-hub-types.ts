import type { PresenceAdapter } from '../adapter.js'
import type { ActivityReport, PresenceData, UserInfo } from '../types.js'

/**
 * When queued messages reach the sinks.
 * - `sync`: before the hub call that caused them returns. Calls made by a sink while it receives
 *   are queued behind, so every sink sees the hub's order (no re-entrant reordering).
 * - `microtask`: together, in one microtask after the call.
 * - `manual`: only when the test calls `hub.deliver()`, so it can inspect, reorder or duplicate them.
 */
export type DeliveryMode = 'sync' | 'microtask' | 'manual'

/** A method of `RoomSink`: what the hub can call on a client. */
export type SinkMethod = 'snapshot' | 'join' | 'update' | 'leave' | 'typing' | 'status' | 'error'

export interface MemoryHubOptions {
  /**
   * When messages reach the sinks; see {@link DeliveryMode}.
   * @default 'sync'
   */
  readonly delivery?: DeliveryMode
  /**
   * Called when a sink throws (the store's never do; a test's might). The hub goes on delivering.
   * @default rethrows in a microtask, so the test runner reports it without breaking the sender's call
   */
  readonly onSinkError?: (error: unknown, message: PendingMessage) => void
}

export interface MemoryAdapterOptions {
  /**
   * The id under which the hub knows this client in every room, reported with `status('connected')`.
   * @default `conn-1`, `conn-2`, … in creation order
   */
  readonly connectionId?: string
}

/** One client connection (one tab) to a memory hub. */
export interface MemoryAdapter extends PresenceAdapter {
  readonly name: 'memory'
  /** The id the hub knows this client by now; `hub.reconnect(adapter, { connectionId })` changes it. */
  readonly connectionId: string
  /** False between `hub.disconnect` and `hub.reconnect`. */
  readonly connected: boolean
}

/** A message on its way to one client's sink. */
export interface PendingMessage {
  readonly room: string
  /** The connection id of the client it is addressed to, when it was queued. */
  readonly to: string
  readonly method: SinkMethod
  /** The first argument of the sink call. Hub messages are cloned on delivery; injected ones are not. */
  readonly payload: unknown
  /** The second argument, present only when the call has one (`status` with its detail). */
  readonly detail?: unknown
}

/** A raw message for `hub.inject`: delivered as is, however malformed. */
export interface InjectedMessage {
  readonly method: SinkMethod
  readonly payload?: unknown
  /** A second argument for the sink call; left out, the call gets one argument. */
  readonly detail?: unknown
  /**
   * Only the client with this connection id gets it.
   * @default every connected client watching the room
   */
  readonly to?: string
}

export interface DisconnectOptions {
  /**
   * The server notices the drop: the client's connections leave their rooms and the other watchers
   * get the leaves. With `false` they stay (the server has not noticed yet): after a reconnect with the
   * same connection id the client resumes them; otherwise they stay as ghosts until `hub.evict`.
   * @default true
   */
  readonly removeFromRoom?: boolean
}

export interface ReconnectOptions {
  /**
   * The id the server gives the new link, as a real server gives a new socket a new id.
   * @default the id the client had
   */
  readonly connectionId?: string
}

/** A connection without a client behind it, for simulators and benchmarks. */
export interface VirtualConnectionInit {
  readonly userId: string
  /** @default `virtual-1`, `virtual-2`, … */
  readonly connectionId?: string
  /** @default {} */
  readonly data?: PresenceData
  readonly activity?: ActivityReport
  readonly profile?: UserInfo
}

/** What to change on a virtual connection; fields left out keep their value. */
export interface VirtualConnectionChange {
  readonly data?: PresenceData
  readonly activity?: ActivityReport
  readonly profile?: UserInfo
}

/** A connection as the hub holds it (a copy). */
export interface HubConnection {
  readonly connectionId: string
  readonly userId: string
  readonly data: PresenceData
  readonly version: number
  readonly activity: ActivityReport | undefined
  readonly profile: UserInfo | undefined
  /** Added with `hub.addVirtual` rather than by a client. */
  readonly virtual: boolean
}

export interface HubStats {
  /** Messages handed to sinks, per sink method. */
  readonly delivered: Readonly<Record<SinkMethod, number>>
  /** Messages thrown away because their client closed the room or disconnected first. */
  readonly dropped: number
  /** Messages queued and not delivered yet. */
  readonly pending: number
  /** The last version given to a join, update or leave. */
  readonly version: number
}

/** An in-process presence backend shared by several clients: see `createMemoryHub`. */
export interface MemoryHub {
  readonly delivery: DeliveryMode
  readonly destroyed: boolean
  /** A new client connection (one tab): give it to `createPresenceClient({ adapter })`. */
  adapter(options?: MemoryAdapterOptions): MemoryAdapter

  /** Delivers the first `count` queued messages (all, including those they cause, without it); returns how many. */
  deliver(count?: number): number
  /** The queued messages, first to be delivered first. */
  pending(): readonly PendingMessage[]
  /**
   * Replaces the queue with what `permute` returns, made of messages it was given: reorder them, leave
   * some out to lose them, list one twice to duplicate it.
   */
  reorder(permute: (messages: readonly PendingMessage[]) => readonly PendingMessage[]): void
  /** Queues a copy of the pending message at `index` right after it. */
  duplicate(index: number): void

  /** The client's link drops: its sinks get `status('reconnecting')` and nothing more, in flight or later. */
  disconnect(client: PresenceAdapter | string, options?: DisconnectOptions): void
  /** The link returns: every open room gets `status('connected', { connectionId })`, then a fresh snapshot. */
  reconnect(client: PresenceAdapter | string, options?: ReconnectOptions): void
  /** Calls `sink[method](payload[, detail])` on the room's watchers with the raw value; returns how many. */
  inject(room: string, message: InjectedMessage): number

  /** Adds a connection with no client behind it; watchers get a `join`. Returns its connection id. */
  addVirtual(room: string, connection: VirtualConnectionInit): string
  /** Changes a virtual connection; watchers get an `update`. Throws for an unknown one. */
  updateVirtual(room: string, connectionId: string, change: VirtualConnectionChange): void
  /** Removes a virtual connection; watchers get a `leave`. False if there was none. */
  removeVirtual(room: string, connectionId: string): boolean
  /** Sends a typing signal from a virtual connection. Throws for an unknown one. */
  typingVirtual(room: string, connectionId: string, typing: boolean): void
  /** Removes any connection, a client's included, as a server kicking it; every watcher gets a `leave`. */
  evict(room: string, connectionId: string): boolean

  /** Rooms someone watches or is present in. */
  rooms(): string[]
  /** Copies of the room's connections, in the order they joined. */
  connections(room: string): HubConnection[]
  /** How many connections the room holds, without copying them. */
  connectionCount(room: string): number
  /** Connection ids of the clients watching the room. */
  watchers(room: string): string[]
  stats(): HubStats
  /** Drops every room, client and queued message. Nothing more is delivered; sinks get no goodbye. */
  destroy(): void
}
