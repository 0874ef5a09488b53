/** One join or leave of the burst, described once and fed to both sides. */
export type BurstEvent = { readonly kind: 'join' | 'leave'; readonly index: number }

export const userId = (index: number) => `user-${index}`

/**
 * `members` present first, then `count` events: three joins of new members, then two leaves of
 * present ones, over and over, so the roster grows by one every five events and reaches its final
 * size (`finalCount`) only with the last event. Deterministic, so both sides get the same events.
 */
export function burstEvents(members: number, count: number): { events: BurstEvent[]; finalCount: number } {
  const events: BurstEvent[] = []
  let next = members
  let leaving = 0
  for (let k = 0; k < count; k++) {
    if (k % 5 < 3) events.push({ kind: 'join', index: next++ })
    // Every 7th present member leaves: spread over the list, not only at one end.
    else events.push({ kind: 'leave', index: (leaving++ * 7) % members })
  }
  const joins = events.filter((event) => event.kind === 'join').length
  return { events, finalCount: members + joins - (count - joins) }
}
