import type { PresenceStatus } from '../types.js'

/** Every presence status, from best to worst: the order lists and groups use. */
export const PRESENCE_STATUSES = [
  'active',
  'idle',
  'away',
  'offline',
] as const satisfies readonly PresenceStatus[]

function statusRank(status: PresenceStatus): number {
  const rank = PRESENCE_STATUSES.indexOf(status)
  // A status from a newer backend or bad data sorts after every known one instead of before them.
  return rank === -1 ? PRESENCE_STATUSES.length : rank
}

/** Orders statuses best first (`active`, `idle`, `away`, `offline`); a comparator for `sort`. */
export function compareStatus(a: PresenceStatus, b: PresenceStatus): number {
  return statusRank(a) - statusRank(b)
}

/** The best of several statuses (a user's tabs, a team); `offline` when there are none. */
export function bestStatus(statuses: Iterable<PresenceStatus>): PresenceStatus {
  let best: PresenceStatus = 'offline'
  for (const status of statuses) {
    if (compareStatus(status, best) < 0) best = status
  }
  return best
}
