import { WireError, type ErrorCode } from './error-codes.js'
import type { WireActivity, WireConnection, WireData, WireProfile } from './frames.js'
import { isFiniteNumber, isNonEmptyString, isPlainObject } from './guards.js'

/**
 * What a client checks in the server's frames before they reach its store. Each throws a
 * `WireError` naming the room when it could tell which.
 */

type Fields = Record<string, unknown>

function malformed(message: string, room?: string): WireError {
  return new WireError('invalid-message', message, room)
}

function body(message: unknown): Fields {
  if (!isPlainObject(message)) throw malformed('a server message that is not an object')
  return message
}

export function roomOf(message: unknown): string {
  const room = body(message).room
  if (!isNonEmptyString(room)) throw malformed('a server message without a room')
  return room
}

function text(fields: Fields, key: string, room: string): string {
  const value = fields[key]
  if (!isNonEmptyString(value)) throw malformed(`${key} must be a non-empty string`, room)
  return value
}

function version(fields: Fields, room: string): number {
  const value = fields.version
  if (!isFiniteNumber(value)) throw malformed('version must be a number', room)
  return value
}

function activityOf(value: unknown, room: string): WireActivity | undefined {
  if (value === undefined) return undefined
  if (
    !isPlainObject(value) ||
    typeof value.inactiveMs !== 'number' ||
    typeof value.hidden !== 'boolean' ||
    typeof value.away !== 'boolean'
  ) {
    throw malformed('activity must be { inactiveMs, hidden, away }', room)
  }
  return { inactiveMs: value.inactiveMs, hidden: value.hidden, away: value.away }
}

function profileOf(value: unknown, room: string): WireProfile | undefined {
  if (value === undefined) return undefined
  if (!isPlainObject(value)) throw malformed('profile must be an object', room)
  const profile: WireProfile = {}
  if (typeof value.name === 'string') profile.name = value.name
  if (typeof value.avatarUrl === 'string') profile.avatarUrl = value.avatarUrl
  return profile
}

export function readConnection(value: unknown, room: string): WireConnection {
  if (!isPlainObject(value)) throw malformed('a connection must be an object', room)
  if (!isPlainObject(value.data)) throw malformed('connection data must be an object', room)
  const activity = activityOf(value.activity, room)
  const profile = profileOf(value.profile, room)
  return {
    connectionId: text(value, 'connectionId', room),
    userId: text(value, 'userId', room),
    // Freshly parsed from the wire and owned by nobody else: the receiver may freeze and keep it.
    data: value.data as WireData,
    version: version(value, room),
    ...(activity === undefined ? {} : { activity }),
    ...(profile === undefined ? {} : { profile }),
  }
}

export function readSnapshot(message: unknown, room: string): WireConnection[] {
  const connections = body(message).connections
  if (!Array.isArray(connections)) throw malformed('a snapshot must carry a connections array', room)
  return connections.map((connection) => readConnection(connection, room))
}

export function readConnectionMessage(message: unknown, room: string): WireConnection {
  return readConnection(body(message).connection, room)
}

/** A leave as the client needs it: the connection, its user and the leave's version. */
export interface WireLeave {
  connectionId: string
  userId: string
  version: number
}

export function readLeave(message: unknown, room: string): WireLeave {
  const fields = body(message)
  return {
    connectionId: text(fields, 'connectionId', room),
    userId: text(fields, 'userId', room),
    version: version(fields, room),
  }
}

/** A typing signal as the client needs it. */
export interface WireTyping {
  userId: string
  connectionId: string
  typing: boolean
}

export function readTyping(message: unknown, room: string): WireTyping {
  const fields = body(message)
  if (typeof fields.typing !== 'boolean') throw malformed('typing must be a boolean', room)
  return {
    userId: text(fields, 'userId', room),
    connectionId: text(fields, 'connectionId', room),
    typing: fields.typing,
  }
}

export interface ServerError {
  /** One of `ERROR_CODES` from a server of this version; kept as sent, a newer one may add codes. */
  readonly code: ErrorCode | (string & {})
  readonly message: string
  readonly room: string | undefined
}

export function readServerError(message: unknown): ServerError {
  const fields = body(message)
  const room = typeof fields.room === 'string' ? fields.room : undefined
  if (typeof fields.code !== 'string') throw malformed('an error message without a code', room)
  return {
    code: fields.code,
    message: typeof fields.message === 'string' ? fields.message : fields.code,
    room,
  }
}
