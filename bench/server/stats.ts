/** The value below which `fraction` of the sorted samples fall (nearest rank). */
export function percentile(sorted: ArrayLike<number>, fraction: number): number {
  if (sorted.length === 0) return Number.NaN
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))
  return sorted[rank] as number
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Polls until `done` holds or `timeoutMs` passes; returns whether it held. Checks that cost much
 * (thousands of stores) poll less often, so the polling does not slow what it waits for.
 */
export async function until(done: () => boolean, timeoutMs: number, everyMs = 25): Promise<boolean> {
  const started = Date.now()
  while (!done()) {
    if (Date.now() - started > timeoutMs) return false
    await sleep(everyMs)
  }
  return true
}

/**
 * Polls until `done` holds, for as long as `progress` keeps growing: gives up (false) only once it
 * has not moved for `stallMs`. A starved machine delivers late but delivers; a stall is a fault.
 */
export async function untilStalled(
  done: () => boolean,
  progress: () => number,
  stallMs: number,
  everyMs = 25,
): Promise<boolean> {
  let last = progress()
  let movedAt = Date.now()
  while (!done()) {
    const now = progress()
    if (now !== last) {
      last = now
      movedAt = Date.now()
    } else if (Date.now() - movedAt > stallMs) {
      return false
    }
    await sleep(everyMs)
  }
  return true
}

/** How far each client's roster is from the truth at the end of a run. */
export interface RosterErrors {
  /** Members a client shows who are not in its room any more, summed over the clients. */
  readonly ghosts: number
  /** Members in a client's room that it does not show, summed over the clients. */
  readonly missing: number
  readonly clientsWithGhosts: number
  readonly clientsWithMissing: number
  /** The most ghosts, and the most missing members, on any one client. */
  readonly worstGhosts: number
  readonly worstMissing: number
}

/**
 * Compares every observer's roster with who was still joined in its room. `joined` lists the
 * clients that ended joined; `seenBy` reads the user ids one observer shows.
 */
export function rosterErrors<Client extends { readonly roomName: string; readonly userId: string }>(
  joined: readonly Client[],
  observers: readonly Client[],
  seenBy: (observer: Client) => Iterable<string>,
): RosterErrors {
  const expected = new Map<string, Set<string>>()
  for (const each of joined) {
    let members = expected.get(each.roomName)
    if (members === undefined) expected.set(each.roomName, (members = new Set()))
    members.add(each.userId)
  }
  let ghosts = 0
  let missing = 0
  let clientsWithGhosts = 0
  let clientsWithMissing = 0
  let worstGhosts = 0
  let worstMissing = 0
  for (const observer of observers) {
    const want = expected.get(observer.roomName) ?? new Set<string>()
    const seen = new Set(seenBy(observer))
    let ownGhosts = 0
    let ownMissing = 0
    for (const userId of seen) if (!want.has(userId)) ownGhosts++
    for (const userId of want) if (!seen.has(userId)) ownMissing++
    ghosts += ownGhosts
    missing += ownMissing
    if (ownGhosts > 0) clientsWithGhosts++
    if (ownMissing > 0) clientsWithMissing++
    worstGhosts = Math.max(worstGhosts, ownGhosts)
    worstMissing = Math.max(worstMissing, ownMissing)
  }
  return { ghosts, missing, clientsWithGhosts, clientsWithMissing, worstGhosts, worstMissing }
}
