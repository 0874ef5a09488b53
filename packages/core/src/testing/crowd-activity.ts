import type { ActivityReport } from '../types.js'
import type { Random } from './random.js'

/** What a simulated tab is doing, as a receiver with the default thresholds would classify it. */
export type SimulatedActivity = 'active' | 'idle' | 'hidden' | 'away'

const SECOND = 1000
const MINUTE = 60 * SECOND

/** Mostly active, as a real room is; repeated entries weight the draw. */
const STATES: readonly SimulatedActivity[] = [
  'active',
  'active',
  'active',
  'active',
  'idle',
  'idle',
  'hidden',
  'away',
]

export function randomActivityState(random: Random): SimulatedActivity {
  return random.pick(STATES)
}

/**
 * A report that lands in `state` with the store's defaults (idle after 1 min, away after 5 min).
 * `inactiveMs` is relative, so receivers age it on their own clock from the moment it arrives.
 */
export function activityReport(random: Random, state: SimulatedActivity): ActivityReport {
  switch (state) {
    case 'active':
      return { inactiveMs: random.int(0, 20 * SECOND), hidden: false, away: false }
    case 'idle':
      return { inactiveMs: random.int(1 * MINUTE + SECOND, 4 * MINUTE), hidden: false, away: false }
    case 'hidden':
      return { inactiveMs: random.int(0, 30 * SECOND), hidden: true, away: false }
    case 'away':
      // Half set themselves away, half simply walked off.
      return random.chance(0.5)
        ? { inactiveMs: random.int(0, MINUTE), hidden: false, away: true }
        : { inactiveMs: random.int(6 * MINUTE, 60 * MINUTE), hidden: false, away: false }
  }
}
