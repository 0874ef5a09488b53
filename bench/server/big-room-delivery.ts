/**
 * What one client of the big room has taken in of each phase: for every other member, the highest
 * step of its data seen so far (the join carries step 0, the update step 1). A member first seen
 * through its update (join and update coalesced into one batch, or a snapshot after a reconnect)
 * counts for both steps. The next phase may begin only once every client has every member's step:
 * a departure that overtakes a join still on its way makes that join unseeable (a batch keeps only
 * a connection's leave, a resync's snapshot no longer lists it).
 */
export class DeliveryTracker {
  /** Per member index: the highest step seen, plus one (0: nothing seen yet). */
  private readonly steps: Uint8Array
  /** Per step: how many other members have been seen at it or later. */
  private readonly reached: number[] = []

  constructor(
    private readonly clients: number,
    private readonly self: number,
  ) {
    this.steps = new Uint8Array(clients)
  }

  /** A member's data as this client took it in (a join, an update, or its entry in a snapshot). */
  saw(member: number, data: unknown): void {
    const step = (data as { step?: unknown } | undefined)?.step
    if (member === this.self || typeof step !== 'number' || !Number.isInteger(step) || step < 0) return
    for (let each = this.steps[member] as number; each <= step; each++) {
      this.reached[each] = (this.reached[each] ?? 0) + 1
    }
    this.steps[member] = Math.max(this.steps[member] as number, step + 1)
  }

  /** Other members seen at `step` or later. */
  reachedAt(step: number): number {
    return this.reached[step] ?? 0
  }

  /** Whether every other member has been seen at `step` or later. */
  complete(step: number): boolean {
    return this.reachedAt(step) >= this.clients - 1
  }
}
