import type { PresenceAdapter } from './adapter.js'
import type { BatchOption } from './batch.js'
import { systemClock, type Clock } from './clock.js'
import { PresenceError } from './errors.js'
import { mapRoster, type RosterFactory } from './model/roster.js'
import type { RegisteredUser } from './register.js'
import type { SelfUser } from './types.js'

/** Looks up display info for a user; called once per user however many components ask. */
export type ResolveUser = (userId: string) => RegisteredUser | undefined | Promise<RegisteredUser | undefined>

export interface TypingOptions {
  /** Receivers drop a typer after this long without a signal. @default 6000 */
  ttlMs?: number
  /** The sender repeats its signal at most this often while keys are pressed. @default 2000 */
  throttleMs?: number
  /** The sender stops by itself after this long without a key. @default 3000 */
  autoStopMs?: number
}

export interface PresenceClientOptions {
  // From you: who and where.
  /** The backend. See `@presence-kit/adapters`, or `createMemoryHub().adapter()` for tests. */
  adapter: PresenceAdapter
  /** The local user. Its `id` groups this tab with the user's other tabs. */
  user: SelfUser
  /** Display info for other users, cached per user and dropped when they are gone. */
  resolveUser?: ResolveUser

  // Rules of presence, all on the receiver's clock.
  /** A member with no input for this long is idle. @default 60000 */
  idleAfterMs?: number
  /** A member with no input for this long is away. @default 300000 */
  awayAfterMs?: number
  /** A user whose last connection left stays present this long, so a reload is not a leave. @default 3000 */
  leaveGraceMs?: number
  /** Members who left are kept in `recentlyLeft` this long. @default 60000 */
  offlineRetentionMs?: number
  typing?: TypingOptions
  /** While active, the local user's activity is re-sent at most this often. @default 30000 */
  activityRefreshMs?: number
  /** How long a leave blocks a late join of the same connection. @default 60000 */
  tombstoneTtlMs?: number
  /** How many leaves are remembered at most, per room. @default 10000 */
  maxTombstones?: number
  /** Presence data larger than this (estimated JSON bytes) is rejected. @default 16384 */
  maxDataBytes?: number
  /**
   * Where each room keeps its members. The default copies the room into `members` at each commit
   * that changed it; for rooms of thousands, `bigRoomRoster` from `@presence-kit/core/big-rooms`
   * makes a commit cost what changed. @default a Map
   */
  roster?: RosterFactory

  // From the framework binding or tests, overridable.
  /** When input is committed to the store. @default 'frame' */
  batch?: BatchOption
  /** @default the system clock */
  clock?: Clock
  /** Where errors thrown by your event listeners go. @default console.error */
  onListenerError?: (error: unknown) => void
}

export interface ResolvedOptions {
  readonly adapter: PresenceAdapter
  readonly user: SelfUser
  readonly resolveUser: ResolveUser | undefined
  readonly idleAfterMs: number
  readonly awayAfterMs: number
  readonly leaveGraceMs: number
  readonly offlineRetentionMs: number
  readonly typingTtlMs: number
  readonly typingThrottleMs: number
  readonly typingAutoStopMs: number
  readonly activityRefreshMs: number
  readonly tombstoneTtlMs: number
  readonly maxTombstones: number
  readonly maxDataBytes: number
  readonly roster: RosterFactory
  readonly batch: BatchOption
  readonly clock: Clock
  readonly onListenerError: (error: unknown) => void
}

function invalid(message: string): PresenceError {
  return new PresenceError('invalid-options', `createPresenceClient: ${message}`)
}

/** A duration (`whole` false: any finite number, 0 or more) or a count (a whole number, 1 or more). */
function numberOption(name: string, value: number | undefined, fallback: number, whole = false): number {
  if (value === undefined) return fallback
  if (whole ? Number.isInteger(value) && value >= 1 : Number.isFinite(value) && value >= 0) return value
  throw invalid(
    `${name} must be ${whole ? 'a whole number, 1' : 'a finite number of milliseconds, 0'} or more (got ${String(value)}).`,
  )
}

/** Checks the options once, so a wrong setting fails where it is written, with what to change. */
export function resolveOptions(options: PresenceClientOptions): ResolvedOptions {
  if (typeof options !== 'object' || options === null) throw invalid('pass an options object.')
  const { adapter, user, resolveUser } = options
  const typing = options.typing ?? {}
  if (typeof adapter?.openRoom !== 'function') {
    throw invalid('adapter must be a presence adapter (with openRoom).')
  }
  if (typeof user?.id !== 'string' || user.id === '') {
    throw invalid('user must be an object with a non-empty string id.')
  }
  if (resolveUser !== undefined && typeof resolveUser !== 'function') {
    throw invalid('resolveUser must be a function.')
  }
  const roster = options.roster ?? mapRoster
  if (typeof roster !== 'function') throw invalid('roster must be a function.')
  const batch = options.batch ?? 'frame'
  if (
    batch !== 'frame' &&
    batch !== 'sync' &&
    typeof batch !== 'function' &&
    !(Number.isFinite(batch) && batch >= 0)
  ) {
    throw invalid(`batch must be 'frame', 'sync', a number of milliseconds or a scheduler function.`)
  }
  const ms = (name: keyof PresenceClientOptions, fallback: number) =>
    numberOption(name, options[name] as number | undefined, fallback)
  const idleAfterMs = ms('idleAfterMs', 60_000)
  const awayAfterMs = ms('awayAfterMs', 300_000)
  if (awayAfterMs < idleAfterMs) throw invalid('awayAfterMs must not be shorter than idleAfterMs.')
  const typingThrottleMs = numberOption('typing.throttleMs', typing.throttleMs, 2_000)
  const typingTtlMs = numberOption('typing.ttlMs', typing.ttlMs, 6_000)
  if (typingTtlMs <= typingThrottleMs) {
    throw invalid('typing.ttlMs must be longer than typing.throttleMs.')
  }
  return {
    adapter,
    user,
    resolveUser,
    idleAfterMs,
    awayAfterMs,
    leaveGraceMs: ms('leaveGraceMs', 3_000),
    offlineRetentionMs: ms('offlineRetentionMs', 60_000),
    typingTtlMs,
    typingThrottleMs,
    typingAutoStopMs: numberOption('typing.autoStopMs', typing.autoStopMs, 3_000),
    activityRefreshMs: ms('activityRefreshMs', 30_000),
    tombstoneTtlMs: ms('tombstoneTtlMs', 60_000),
    maxTombstones: numberOption('maxTombstones', options.maxTombstones, 10_000, true),
    maxDataBytes: numberOption('maxDataBytes', options.maxDataBytes, 16_384, true),
    batch,
    roster,
    clock: options.clock ?? systemClock,
    onListenerError:
      options.onListenerError ?? ((error) => console.error('[presence-kit] an event listener threw:', error)),
  }
}
