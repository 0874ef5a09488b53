import type { ConnectionInput, LeaveInput, TypingInput } from '../adapter.js'
import { PresenceError } from '../errors.js'
import type { ActivityReport, PresenceData, UserInfo } from '../types.js'
import { describe, isPlainObject, takePresenceData } from './sanitize.js'

/** A connection input after validation: data frozen, activity and profile checked. */
export interface CheckedConnection {
  readonly connectionId: string
  readonly userId: string
  readonly data: PresenceData | undefined
  readonly version: number | undefined
  readonly activity: ActivityReport | undefined
  readonly profile: UserInfo | undefined
}

const MAX_ID_LENGTH = 512

function invalid(message: string, detail?: unknown): PresenceError {
  return new PresenceError('invalid-input', message, { detail })
}

function id(value: unknown, field: string): string | PresenceError {
  if (typeof value !== 'string' || value === '' || value.length > MAX_ID_LENGTH) {
    return invalid(`${field} must be a non-empty string of at most ${MAX_ID_LENGTH} characters.`, describe(value))
  }
  return value
}

function version(value: unknown): number | undefined | PresenceError {
  if (value === undefined) return undefined
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return invalid('version must be a finite number when given.', describe(value))
  }
  return value
}

function activity(value: unknown): ActivityReport | undefined | PresenceError {
  if (value === undefined) return undefined
  if (!isPlainObject(value)) return invalid('activity must be an object.', describe(value))
  const { inactiveMs, hidden, away } = value
  if (typeof inactiveMs !== 'number' || !Number.isFinite(inactiveMs) || inactiveMs < 0) {
    return invalid('activity.inactiveMs must be a finite number, 0 or more.', describe(inactiveMs))
  }
  if (typeof hidden !== 'boolean' || typeof away !== 'boolean') {
    return invalid('activity.hidden and activity.away must be booleans.')
  }
  return { inactiveMs, hidden, away }
}

function profile(value: unknown, maxBytes: number): UserInfo | undefined | PresenceError {
  if (value === undefined) return undefined
  const taken = takePresenceData(value, maxBytes)
  if (taken instanceof PresenceError) return invalid(`profile: ${taken.message}`)
  return taken as UserInfo
}

export function checkConnection(input: unknown, maxDataBytes: number): CheckedConnection | PresenceError {
  if (!isPlainObject(input)) return invalid('A connection must be an object.', describe(input))
  const connectionId = id(input.connectionId, 'connectionId')
  if (connectionId instanceof PresenceError) return connectionId
  const userId = id(input.userId, 'userId')
  if (userId instanceof PresenceError) return userId
  const v = version(input.version)
  if (v instanceof PresenceError) return v
  const a = activity(input.activity)
  if (a instanceof PresenceError) return a
  const p = profile(input.profile, maxDataBytes)
  if (p instanceof PresenceError) return p
  let data: PresenceData | undefined
  if (input.data !== undefined) {
    const taken = takePresenceData(input.data, maxDataBytes)
    if (taken instanceof PresenceError) return taken
    data = taken
  }
  return { connectionId, userId, data, version: v, activity: a, profile: p }
}

export function checkLeave(input: unknown): LeaveInput | PresenceError {
  if (!isPlainObject(input)) return invalid('A leave must be an object.', describe(input))
  const connectionId = id(input.connectionId, 'connectionId')
  if (connectionId instanceof PresenceError) return connectionId
  const userId = id(input.userId, 'userId')
  if (userId instanceof PresenceError) return userId
  const v = version(input.version)
  if (v instanceof PresenceError) return v
  return v === undefined ? { connectionId, userId } : { connectionId, userId, version: v }
}

export function checkTyping(input: unknown): TypingInput | PresenceError {
  if (!isPlainObject(input)) return invalid('A typing signal must be an object.', describe(input))
  const userId = id(input.userId, 'userId')
  if (userId instanceof PresenceError) return userId
  if (typeof input.typing !== 'boolean') return invalid('typing must be a boolean.', describe(input.typing))
  if (input.connectionId === undefined) return { userId, typing: input.typing }
  const connectionId = id(input.connectionId, 'connectionId')
  if (connectionId instanceof PresenceError) return connectionId
  return { userId, connectionId, typing: input.typing }
}

export function checkSnapshot(input: unknown): readonly unknown[] | PresenceError {
  if (!Array.isArray(input)) return invalid('A snapshot must be an array of connections.', describe(input))
  return input
}
