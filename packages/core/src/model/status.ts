import type { Connection, PresenceStatus } from '../types.js'

export interface ActivityThresholds {
  readonly idleAfterMs: number
  readonly awayAfterMs: number
}

const RANK: Record<PresenceStatus, number> = { active: 0, idle: 1, away: 2, offline: 3 }

/**
 * A connection's status at `now`. A connection that never reported activity is active: its backend
 * only knows it is there.
 */
export function connectionStatus(connection: Connection, now: number, t: ActivityThresholds): PresenceStatus {
  const { lastActiveAt } = connection
  if (lastActiveAt === undefined) return connection.away ? 'away' : connection.hidden ? 'idle' : 'active'
  if (connection.away) return 'away'
  const inactive = now - lastActiveAt
  if (inactive >= t.awayAfterMs) return 'away'
  if (connection.hidden || inactive >= t.idleAfterMs) return 'idle'
  return 'active'
}

/** When this connection's status will next change by itself, or Infinity. */
export function nextTransition(connection: Connection, now: number, t: ActivityThresholds): number {
  const { lastActiveAt } = connection
  if (lastActiveAt === undefined || connection.away) return Infinity
  const idleAt = lastActiveAt + t.idleAfterMs
  const awayAt = lastActiveAt + t.awayAfterMs
  if (!connection.hidden && now < idleAt) return idleAt
  if (now < awayAt) return awayAt
  return Infinity
}

export function betterStatus(a: PresenceStatus, b: PresenceStatus): PresenceStatus {
  return RANK[a] <= RANK[b] ? a : b
}
