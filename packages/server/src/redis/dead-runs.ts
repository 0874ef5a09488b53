/**
 * Which runs of another node a sweep may remove. Runs are taken from what this node held before
 * it read Redis, so a run the node took meanwhile is never among them. A node whose key is gone
 * is dead in every such run. A live node under another run restarted, or is writing itself again
 * under a new run whose messages may still be on their way: its other runs go only when a second
 * sweep in a row still sees them.
 */
export class DeadRuns {
  private stale = new Map<string, Set<string>>()

  /** Call once per sweep with every node it read, then `of` for each. */
  next(): Map<string, Set<string>> {
    const previous = this.stale
    this.stale = new Map()
    return previous
  }

  of(
    previous: ReadonlyMap<string, Set<string>>,
    nodeId: string,
    heldRuns: ReadonlySet<string>,
    liveRun: string | undefined,
  ): Set<string> {
    if (liveRun === undefined) return new Set(heldRuns)
    const stale = new Set([...heldRuns].filter((run) => run !== liveRun))
    this.stale.set(nodeId, stale)
    return new Set([...stale].filter((run) => previous.get(nodeId)?.has(run) === true))
  }
}
