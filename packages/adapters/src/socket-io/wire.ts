import type {
  ActivityReport,
  ConnectionInput,
  LeaveInput,
  PresenceData,
  TypingInput,
  UserInfo,
} from '@presence-kit/core'

/**
 * The reference server's wire protocol, version 1 (packages/server/docs/protocol.md), as this
 * client reads it. Everything that arrives is checked here before it reaches the store.
 */
export const PROTOCOL_VERSION = 1

export const CLIENT_EVENTS = {
  watch: 'presence:watch',
  unwatch: 'presence:unwatch',
  join: 'presence:join',
  update: 'presence:update',
  leave: 'presence:leave',
  typing: 'presence:typing',
} as const

export const SERVER_EVENTS = {
  welcome: 'presence:welcome',
  snapshot: 'presence:snapshot',
  join: 'presence:join',
  update: 'presence:update',
  leave: 'presence:leave',
  typing: 'presence:typing',
  error: 'presence:error',
} as const

/** A server message this client cannot read. */
export class WireError extends Error {
  constructor(
    message: string,
    readonly room: string | undefined,
  ) {
    super(message)
  }
}

type Fields = Record<string, unknown>

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function body(message: unknown): Fields {
  if (!isObject(message)) throw new WireError('a server message that is not an object', undefined)
  return message
}

export function roomOf(message: unknown): string {
  const room = body(message).room
  if (typeof room !== 'string' || room === '')
    throw new WireError('a server message without a room', undefined)
  return room
}

function text(fields: Fields, key: string, room: string): string {
  const value = fields[key]
  if (typeof value !== 'string' || value === '')
    throw new WireError(`${key} must be a non-empty string`, room)
  return value
}

function version(fields: Fields, room: string): number {
  const value = fields.version
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new WireError('version must be a number', room)
  return value
}

function activityOf(value: unknown, room: string): ActivityReport | undefined {
  if (value === undefined) return undefined
  if (
    !isObject(value) ||
    typeof value.inactiveMs !== 'number' ||
    typeof value.hidden !== 'boolean' ||
    typeof value.away !== 'boolean'
  ) {
    throw new WireError('activity must be { inactiveMs, hidden, away }', room)
  }
  return { inactiveMs: value.inactiveMs, hidden: value.hidden, away: value.away }
}

function profileOf(value: unknown, room: string): UserInfo | undefined {
  if (value === undefined) return undefined
  if (!isObject(value)) throw new WireError('profile must be an object', room)
  const profile: { name?: string; avatarUrl?: string } = {}
  if (typeof value.name === 'string') profile.name = value.name
  if (typeof value.avatarUrl === 'string') profile.avatarUrl = value.avatarUrl
  return profile
}

export function readConnection(value: unknown, room: string): ConnectionInput {
  if (!isObject(value)) throw new WireError('a connection must be an object', room)
  if (!isObject(value.data)) throw new WireError('connection data must be an object', room)
  const activity = activityOf(value.activity, room)
  const profile = profileOf(value.profile, room)
  return {
    connectionId: text(value, 'connectionId', room),
    userId: text(value, 'userId', room),
    // Freshly parsed by Socket.IO and owned by nobody else: the store may freeze and keep it.
    data: value.data as PresenceData,
    version: version(value, room),
    ...(activity === undefined ? {} : { activity }),
    ...(profile === undefined ? {} : { profile }),
  }
}

export function readSnapshot(message: unknown, room: string): ConnectionInput[] {
  const connections = body(message).connections
  if (!Array.isArray(connections)) throw new WireError('a snapshot must carry a connections array', room)
  return connections.map((connection) => readConnection(connection, room))
}

export function readConnectionMessage(message: unknown, room: string): ConnectionInput {
  return readConnection(body(message).connection, room)
}

export function readLeave(message: unknown, room: string): LeaveInput {
  const fields = body(message)
  return {
    connectionId: text(fields, 'connectionId', room),
    userId: text(fields, 'userId', room),
    version: version(fields, room),
  }
}

export function readTyping(message: unknown, room: string): TypingInput {
  const fields = body(message)
  if (typeof fields.typing !== 'boolean') throw new WireError('typing must be a boolean', room)
  return {
    userId: text(fields, 'userId', room),
    connectionId: text(fields, 'connectionId', room),
    typing: fields.typing,
  }
}

export interface ServerError {
  readonly code: string
  readonly message: string
  readonly room: string | undefined
}

export function readServerError(message: unknown): ServerError {
  const fields = body(message)
  const room = typeof fields.room === 'string' ? fields.room : undefined
  if (typeof fields.code !== 'string') throw new WireError('an error message without a code', room)
  return {
    code: fields.code,
    message: typeof fields.message === 'string' ? fields.message : fields.code,
    room,
  }
}
