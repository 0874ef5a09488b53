import type { ErrorCode } from './error-codes.js'

/** A JSON value as it arrives from the wire. */
export type WireJson = null | boolean | number | string | WireJson[] | { [key: string]: WireJson }
export type WireData = { [key: string]: WireJson }

// Type aliases rather than interfaces: they fit the index signatures of the store's own types.
export type WireActivity = {
  inactiveMs: number
  hidden: boolean
  away: boolean
}

export type WireProfile = {
  name?: string
  avatarUrl?: string
}

/** One connection in a room, as the server sends it in snapshots, joins and updates. */
export interface WireConnection {
  connectionId: string
  userId: string
  data: WireData
  /** Per connection, strictly increasing over its joins, updates and its leave. */
  version: number
  activity?: WireActivity
  profile?: WireProfile
}

export interface WelcomeMessage {
  protocol: number
  connectionId: string
  user: { id: string } & WireProfile
  limits: Record<string, number>
}

export interface SnapshotMessage {
  room: string
  connections: WireConnection[]
}

export interface ConnectionMessage {
  room: string
  connection: WireConnection
}

export interface LeaveMessage {
  room: string
  connectionId: string
  userId: string
  version: number
}

export interface TypingMessage {
  room: string
  connectionId: string
  userId: string
  typing: boolean
  /** How long receivers should show the signal without a fresh one. */
  ttlMs: number
}

export interface ErrorMessage {
  code: ErrorCode
  message: string
  room?: string
  /** The client event that was rejected. */
  event?: string
}

export type WireAck = { ok: true } | { ok: false; error: ErrorMessage }

/** One change inside a batch: the body of the single event of the same name, without `room`. */
export type BatchChange =
  | { type: 'join' | 'update'; connection: WireConnection }
  | { type: 'leave'; connectionId: string; userId: string; version: number }
  | { type: 'typing'; connectionId: string; userId: string; typing: boolean; ttlMs: number }

/**
 * A room's changes over one batching window, sent only to clients that asked for batches
 * (`auth.batch: true`). Each connection appears at most once among the presence changes (its
 * latest, carrying its latest version) and at most once among the typing signals, which follow them.
 */
export interface BatchMessage {
  room: string
  changes: BatchChange[]
}

/**
 * How many users are in a count-only room (one the server does not list), sent instead of its
 * snapshot and its joins, updates and leaves to clients that read counts (`auth.counts: true`).
 * Sent when the client starts watching and whenever the count changes (at most once per batching
 * window); typing signals still come as usual.
 */
export interface CountMessage {
  room: string
  /** Distinct users present in the room, on every node. */
  count: number
}
