/** What can change while the crowd runs (see `setOptions`). */
export interface SimulatedCrowdSettings {
  /**
   * How many users the crowd keeps in the room. Changing it adds or removes users at once.
   * @default 100
   */
  readonly members?: number
  /**
   * Users leaving or arriving per second; each event moves the count back towards `members`.
   * @default 0
   */
  readonly churnPerSecond?: number
  /**
   * Typing bursts started per second; each stops by itself after 1–4 s.
   * @default 0
   */
  readonly typingPerSecond?: number
  /**
   * Activity changes per second (active, idle, hidden, away), each on one random tab. Receivers age
   * reports on their own clock, so without changes the crowd drifts idle after a minute.
   * @default 0
   */
  readonly activityPerSecond?: number
  /**
   * Share of new users who have 2 or 3 tabs open.
   * @default 0.1
   */
  readonly multiTabRatio?: number
  /**
   * Full names to draw from for new users.
   * @default a built-in list across languages and scripts, right-to-left and very long names included
   */
  readonly names?: readonly string[]
  /**
   * Period of the timer `start()` runs, and the largest slice of simulated time `step(ms)` advances at once.
   * @default 100
   */
  readonly intervalMs?: number
}

export interface ResolvedSettings {
  readonly members: number
  readonly churnPerSecond: number
  readonly typingPerSecond: number
  readonly activityPerSecond: number
  readonly multiTabRatio: number
  readonly names: readonly string[] | undefined
  readonly intervalMs: number
}

const DEFAULTS: ResolvedSettings = {
  members: 100,
  churnPerSecond: 0,
  typingPerSecond: 0,
  activityPerSecond: 0,
  multiTabRatio: 0.1,
  names: undefined,
  intervalMs: 100,
}

/** Merges `next` over `current` and the defaults; throws a RangeError for a value out of range. */
export function resolveSettings(
  current: Partial<ResolvedSettings>,
  next: SimulatedCrowdSettings,
): ResolvedSettings {
  const merged: ResolvedSettings = {
    members: next.members ?? current.members ?? DEFAULTS.members,
    churnPerSecond: next.churnPerSecond ?? current.churnPerSecond ?? DEFAULTS.churnPerSecond,
    typingPerSecond: next.typingPerSecond ?? current.typingPerSecond ?? DEFAULTS.typingPerSecond,
    activityPerSecond: next.activityPerSecond ?? current.activityPerSecond ?? DEFAULTS.activityPerSecond,
    multiTabRatio: next.multiTabRatio ?? current.multiTabRatio ?? DEFAULTS.multiTabRatio,
    names: next.names ?? current.names ?? DEFAULTS.names,
    intervalMs: next.intervalMs ?? current.intervalMs ?? DEFAULTS.intervalMs,
  }
  if (!Number.isInteger(merged.members) || merged.members < 0)
    invalid('members', 'an integer ≥ 0', merged.members)
  for (const key of ['churnPerSecond', 'typingPerSecond', 'activityPerSecond'] as const) {
    if (!Number.isFinite(merged[key]) || merged[key] < 0) invalid(key, 'a finite number ≥ 0', merged[key])
  }
  if (!(merged.multiTabRatio >= 0 && merged.multiTabRatio <= 1)) {
    invalid('multiTabRatio', 'a number from 0 to 1', merged.multiTabRatio)
  }
  if (!Number.isFinite(merged.intervalMs) || merged.intervalMs <= 0) {
    invalid('intervalMs', 'a finite number > 0', merged.intervalMs)
  }
  return merged
}

function invalid(name: string, expected: string, value: unknown): never {
  throw new RangeError(`createSimulatedCrowd: ${name} must be ${expected}, got ${String(value)}.`)
}
