import type { ConnectionInput, LeaveInput, TypingInput } from '../adapter.js'
import type { RegisteredUser } from '../register.js'
import { PresenceError } from '../errors.js'
import { describe, isPlainObject, takePresenceData } from './sanitize.js'

/**
 * A connection input that passed `checkConnectionHead` and `checkConnectionBody`: its data and profile are frozen JSON and its
 * fields have the promised types. The same object the adapter handed over (no copy per message).
 */
export type CheckedConnection = Omit<ConnectionInput, 'profile'> & {
  /** Trusted as the app's registered user info from here on, as `data` is as its presence type. */
  readonly profile?: RegisteredUser
  readonly __checked?: never
}

const MAX_ID_LENGTH = 512

export function invalidInput(message: string, detail?: unknown): PresenceError {
  return new PresenceError('invalid-input', message, { detail })
}

/** Why `input[field]` is not an id (a non-empty string of at most 512 characters), if it is not. */
export function checkId(input: Record<string, unknown>, field: string): PresenceError | undefined {
  const value = input[field]
  if (typeof value === 'string' && value.length > 0 && value.length <= MAX_ID_LENGTH) return undefined
  return invalidInput(
    `${field} must be a non-empty string of at most ${MAX_ID_LENGTH} characters.`,
    describe(value),
  )
}

function checkVersion(value: unknown): PresenceError | undefined {
  if (value === undefined || (typeof value === 'number' && Number.isFinite(value))) return undefined
  return invalidInput('version must be a finite number.', describe(value))
}

function checkActivity(value: unknown): PresenceError | undefined {
  if (value === undefined) return undefined
  if (!isPlainObject(value)) return invalidInput('activity must be an object.', describe(value))
  const { inactiveMs, hidden, away } = value
  if (typeof inactiveMs !== 'number' || !Number.isFinite(inactiveMs) || inactiveMs < 0) {
    return invalidInput('activity.inactiveMs must be a finite number, 0 or more.', describe(inactiveMs))
  }
  if (typeof hidden !== 'boolean' || typeof away !== 'boolean') {
    return invalidInput('activity.hidden and activity.away must be booleans.')
  }
  Object.freeze(value)
  return undefined
}

/**
 * The cheap half of validating a connection: its shape, ids and version, enough to decide
 * whether the input is stale. Input dropped as stale is never stored, so its payload need not be
 * walked; `checkConnectionBody` does that for input about to be applied.
 */
export function checkConnectionHead(input: unknown, what = 'A connection'): PresenceError | undefined {
  if (!isPlainObject(input)) return invalidInput(`${what} must be an object.`, describe(input))
  return checkId(input, 'connectionId') ?? checkId(input, 'userId') ?? checkVersion(input.version)
}

/** Validates the payload of a connection in place, freezing its data, activity and profile. */
export function checkConnectionBody(input: ConnectionInput, maxDataBytes: number): PresenceError | undefined {
  const { data, activity, profile } = input
  if (activity !== undefined) {
    const problem = checkActivity(activity)
    if (problem !== undefined) return problem
  }
  if (profile !== undefined) {
    const taken = takePresenceData(profile, maxDataBytes)
    if (taken instanceof PresenceError) return invalidInput(`profile: ${taken.message}`)
  }
  if (data !== undefined) {
    const taken = takePresenceData(data, maxDataBytes)
    if (taken instanceof PresenceError) return taken
  }
  return undefined
}

export function checkTyping(input: unknown): PresenceError | undefined {
  if (!isPlainObject(input)) return invalidInput('A typing signal must be an object.', describe(input))
  return (
    checkId(input, 'userId') ??
    (typeof input.typing !== 'boolean'
      ? invalidInput('typing must be a boolean.', describe(input.typing))
      : input.connectionId === undefined
        ? undefined
        : checkId(input, 'connectionId'))
  )
}

export function checkSnapshot(input: unknown): PresenceError | undefined {
  if (Array.isArray(input)) return undefined
  return invalidInput('A snapshot must be an array of connections.', describe(input))
}

export type { LeaveInput, TypingInput }
