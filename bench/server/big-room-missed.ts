import { stillJoined } from './departures.js'

/**
 * The joins the timed clients never saw, by the member who joined: to tell why a run missed some.
 * Joins go out in the order of the members' indices, so the index is the join order.
 */
export interface MissedJoins {
  /** Timed (observer, member) pairs never seen. */
  readonly samples: number
  readonly members: number
  /** Of those members, how many went in the depart phase (left the room or closed). */
  readonly departedMembers: number
  /** The members' join order as a share of the room (0 the first joiner, 1 the last): p0, p50, p100. */
  readonly joinOrder: readonly [first: number, median: number, last: number]
  /** Of those members, how many were among the room's last 10% of joiners. */
  readonly lastTenthMembers: number
}

/** Sums the workers' counts of missed joins by member into one summary; undefined if none missed. */
export function missedJoins(
  clients: number,
  perWorker: ReadonlyArray<ReadonlyArray<readonly [member: number, observers: number]>>,
): MissedJoins | undefined {
  const byMember = new Map<number, number>()
  for (const [member, observers] of perWorker.flat()) {
    byMember.set(member, (byMember.get(member) ?? 0) + observers)
  }
  if (byMember.size === 0) return undefined
  const members = [...byMember.keys()].toSorted((a, b) => a - b)
  const share = (member: number | undefined) => (member ?? Number.NaN) / Math.max(1, clients - 1)
  return {
    samples: [...byMember.values()].reduce((sum, each) => sum + each, 0),
    members: members.length,
    departedMembers: members.filter((member) => !stillJoined(member)).length,
    joinOrder: [share(members[0]), share(members[Math.floor(members.length / 2)]), share(members.at(-1))],
    lastTenthMembers: members.filter((member) => member >= clients * 0.9).length,
  }
}
