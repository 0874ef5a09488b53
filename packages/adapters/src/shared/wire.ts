import { PresenceError, type ActivityReport, type PresenceData, type UserInfo } from '@presence-kit/core'
import { isPlainObject } from '@presence-kit/protocol'

/**
 * Checks shared by the adapters for what arrives from a backend. The store validates every input
 * again; these only decide whether a message can be mapped at all, so a message of the wrong shape
 * becomes one typed error instead of a crash inside the backend's callback. The shape checks
 * themselves (`isPlainObject`, `isNonEmptyString`) are @presence-kit/protocol's, one copy for the kit.
 */

/** The error an adapter reports for a message it cannot map. */
export function invalidInput(backend: string, message: string, detail?: unknown): PresenceError {
  return new PresenceError('invalid-input', `${backend}: ${message}`, { detail })
}

/** The error an adapter reports when the backend refused or failed a call. */
export function backendError(backend: string, message: string, cause: unknown): PresenceError {
  return new PresenceError('adapter-error', `${backend}: ${message}`, { cause })
}

/** A short description of a bad value, never the value itself (it may be large or hostile). */
export function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return `an array of ${value.length}`
  return typeof value
}

/** Reads an activity report sent by another kit client; anything else is left out. */
export function readActivity(value: unknown): ActivityReport | undefined {
  if (!isPlainObject(value)) return undefined
  const { inactiveMs, hidden, away } = value
  if (typeof inactiveMs !== 'number' || !Number.isFinite(inactiveMs) || inactiveMs < 0) return undefined
  if (typeof hidden !== 'boolean' || typeof away !== 'boolean') return undefined
  return { inactiveMs, hidden, away }
}

/** Reads display info (name, avatar) when the backend carries it. */
export function readProfile(value: unknown): UserInfo | undefined {
  if (!isPlainObject(value)) return undefined
  const profile: { name?: string; avatarUrl?: string } = {}
  if (typeof value.name === 'string') profile.name = value.name
  if (typeof value.avatarUrl === 'string') profile.avatarUrl = value.avatarUrl
  return profile.name === undefined && profile.avatarUrl === undefined ? undefined : profile
}

/** Copies own keys except `omit` into a null-prototype object, so `__proto__` stays an ordinary key. */
export function withoutKeys(source: Record<string, unknown>, omit: ReadonlySet<string>): PresenceData {
  const copy = Object.create(null) as Record<string, unknown>
  for (const key of Object.keys(source)) if (!omit.has(key)) copy[key] = source[key]
  return copy as PresenceData
}

/** What the local user's profile looks like on the wire (only what others need to show them). */
export function profileOf(user: UserInfo): { name?: string; avatarUrl?: string } {
  const profile: { name?: string; avatarUrl?: string } = {}
  if (typeof user.name === 'string') profile.name = user.name
  if (typeof user.avatarUrl === 'string') profile.avatarUrl = user.avatarUrl
  return profile
}
