/**
 * Leaves remembered so that a late join or update cannot bring a departed connection back as a
 * ghost. Bounded in count and in time: a ring of at most `max` slots in parallel arrays, oldest
 * first, so a leave costs one Map entry and no object, and the ring never reallocates once full.
 */
export class Tombstones {
  /** connectionId → sequence number of its slot. A slot whose id maps elsewhere is stale. */
  readonly #seqOf = new Map<string, number>()
  readonly #ids: string[] = []
  readonly #versions: number[] = []
  readonly #untils: number[] = []
  /** Sequence number of the oldest slot still in the ring, and of the next one to write. */
  #first = 0
  #next = 0

  readonly #ttlMs: number
  readonly #max: number
  constructor(ttlMs: number, max: number) {
    this.#ttlMs = ttlMs
    this.#max = max
  }

  /** Whether input for this connection at `version` must be dropped (a leave that is not older). */
  _blocks(connectionId: string, version: number | undefined, now: number): boolean {
    if (this.#seqOf.size === 0) return false
    const seq = this.#seqOf.get(connectionId)
    if (seq === undefined) return false
    const slot = seq % this.#max
    if (this.#untils[slot]! <= now || (version !== undefined && version > this.#versions[slot]!)) {
      this.#seqOf.delete(connectionId)
      return false
    }
    return true
  }

  /** Drops the tombstone; its ring slot goes stale and is reclaimed in turn. */
  _forget(connectionId: string): void {
    this.#seqOf.delete(connectionId)
  }

  _has(connectionId: string): boolean {
    return this.#seqOf.has(connectionId)
  }

  _add(connectionId: string, version: number, now: number): void {
    // Expired slots go first; a full ring drops its oldest.
    while (this.#first < this.#next) {
      const slot = this.#first % this.#max
      if (this.#next - this.#first < this.#max && this.#untils[slot]! > now) break
      const id = this.#ids[slot]!
      if (this.#seqOf.get(id) === this.#first) this.#seqOf.delete(id)
      this.#first++
    }
    const slot = this.#next % this.#max
    this.#seqOf.set(connectionId, this.#next++)
    this.#ids[slot] = connectionId
    this.#versions[slot] = version
    this.#untils[slot] = now + this.#ttlMs
  }

  _clear(): void {
    this.#seqOf.clear()
    this.#ids.length = this.#versions.length = this.#untils.length = 0
    this.#first = this.#next = 0
  }

  get _size(): number {
    return this.#seqOf.size
  }
}
