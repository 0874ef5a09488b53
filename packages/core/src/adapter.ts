import type { ActivityReport, ConnectionStatus, PresenceData, SelfUser, UserInfo } from './types.js'

/**
 * One connection as an adapter reports it. Adapters build it from what their backend sent and hand
 * it over: the store validates it, freezes `data` and keeps it (it does not copy), so pass objects
 * the adapter owns, such as freshly parsed JSON.
 */
export interface ConnectionInput {
  readonly connectionId: string
  readonly userId: string
  readonly data?: PresenceData
  /**
   * Orders input for this connection: input with a version lower than the stored one is dropped.
   * Use the backend's own ordering (a serial, a clock, a counter). Without one the store orders by
   * arrival and relies on data equality for idempotency.
   */
  readonly version?: number
  readonly activity?: ActivityReport
  /** Display info the backend carries for this user (name, avatar), if any. */
  readonly profile?: UserInfo
}

export interface LeaveInput {
  readonly connectionId: string
  readonly userId: string
  readonly version?: number
}

export interface TypingInput {
  readonly userId: string
  /** The connection that typed, so its leave clears the signal at once. */
  readonly connectionId?: string
  readonly typing: boolean
}

/**
 * Where an adapter delivers what its backend says about one room. Every method is safe to call from
 * a backend callback: bad input is reported as an `error` event and never thrown back.
 */
export interface RoomSink {
  /** The full roster, after every (re)connection. Diffs that arrive before it are buffered. */
  snapshot(connections: readonly ConnectionInput[]): void
  join(connection: ConnectionInput): void
  update(connection: ConnectionInput): void
  leave(leave: LeaveInput): void
  typing(signal: TypingInput): void
  /**
   * A room too big to list: its number of users (a whole number), in place of `snapshot` and the
   * diffs. The room's state switches to `mode: 'count'`; a later `snapshot` switches it back.
   * Optional for adapters whose backend never counts (the store always provides it).
   */
  count?(users: number): void
  /**
   * The link's state. Report `connected` with the local `connectionId` (when the backend gives one)
   * so the store recognises its own echo (an id like any other: a non-empty string of at most 512
   * characters); after every `connected` the store enters again with the
   * current presence, so adapters need not remember it.
   */
  status(
    status: ConnectionStatus,
    detail?: { readonly connectionId?: string; readonly error?: unknown },
  ): void
  error(error: unknown): void
}

/** What the store sends to the backend about the local user in one room. */
export interface LocalPresence {
  readonly data: PresenceData
  readonly activity: ActivityReport
}

/** One room as the adapter serves it; opened when the first component watches or joins the room. */
export interface AdapterRoom {
  /** Enter the room with presence, or re-enter after a reconnect. Must be idempotent. */
  enter(presence: LocalPresence): void
  update(presence: LocalPresence): void
  /** Leave the room's presence but keep watching it. */
  leave(): void
  typing(typing: boolean): void
  /** Stop watching the room and release everything the adapter holds for it. */
  close(): void
}

export interface OpenRoomContext {
  readonly room: string
  readonly user: SelfUser
  readonly sink: RoomSink
}

/**
 * The contract between the store and a backend. Adapters never import React or Vue; the store never
 * imports a backend client. See `docs/adapters.md`.
 */
export interface PresenceAdapter {
  /** A short name for errors and devtools, such as `phoenix` or `memory`. */
  readonly name: string
  openRoom(context: OpenRoomContext): AdapterRoom
  /**
   * Try the backend connection again now (`room.retry()`), after it failed or while a first
   * connection is slow; nothing to do when it is up. Rooms stay open and report their status as
   * usual. Without it, a retry only closes the room and opens it again.
   */
  reconnect?(): void
  /** Release the backend connection, if the adapter owns one. */
  destroy?(): void
}
