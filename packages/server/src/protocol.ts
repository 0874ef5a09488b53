import type { ServerErrorCode } from './errors.js'

/** The wire protocol's version; see docs/protocol.md. A client sends it in `auth.protocol`. */
export const PROTOCOL_VERSION = 1

/** A JSON value as it arrives from the wire. */
export type WireJson = null | boolean | number | string | WireJson[] | { [key: string]: WireJson }
export type WireData = { [key: string]: WireJson }

export interface WireActivity {
  inactiveMs: number
  hidden: boolean
  away: boolean
}

export interface WireProfile {
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

/** Client to server. Each may carry an acknowledgement callback that gets a {@link WireAck}. */
export const CLIENT_EVENTS = {
  watch: 'presence:watch',
  unwatch: 'presence:unwatch',
  join: 'presence:join',
  update: 'presence:update',
  leave: 'presence:leave',
  typing: 'presence:typing',
} as const

/** Server to client. */
export const SERVER_EVENTS = {
  welcome: 'presence:welcome',
  snapshot: 'presence:snapshot',
  join: 'presence:join',
  update: 'presence:update',
  leave: 'presence:leave',
  typing: 'presence:typing',
  error: 'presence:error',
} as const

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
  code: ServerErrorCode
  message: string
  room?: string
  /** The client event that was rejected. */
  event?: string
}

export type WireAck = { ok: true } | { ok: false; error: ErrorMessage }
