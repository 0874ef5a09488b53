/**
 * Leaves remembered so that a late join or update cannot bring a departed connection back as a
 * ghost. Bounded in count and in time. One Map from connection id to a slot in parallel arrays
 * (a ring in insertion order): no object per leave, and eviction never walks the Map from its
 * start, which V8 makes slower with every deletion at the front.
 */
export class Tombstones {
  /** connectionId → ring slot. A slot whose id maps to another slot is stale and skipped. */
  readonly #slotOf = new Map<string, number>()
  #ids: string[] = []
  #versions: number[] = []
  #untils: number[] = []
  /** The slot number of index 0; slots only grow, so they survive compaction. */
  #base = 0
  #head = 0

  readonly #ttlMs: number
  readonly #max: number
  constructor(ttlMs: number, max: number) {
    this.#ttlMs = ttlMs
    this.#max = max
  }

  /** Whether input for this connection at `version` must be dropped (a leave that is not older). */
  blocks(connectionId: string, version: number | undefined, now: number): boolean {
    if (this.#slotOf.size === 0) return false
    const slot = this.#slotOf.get(connectionId)
    if (slot === undefined) return false
    const index = slot - this.#base
    if (this.#untils[index]! <= now || (version !== undefined && version > this.#versions[index]!)) {
      this.#slotOf.delete(connectionId)
      return false
    }
    return true
  }

  has(connectionId: string): boolean {
    return this.#slotOf.has(connectionId)
  }

  add(connectionId: string, version: number, now: number): void {
    this.#slotOf.set(connectionId, this.#base + this.#ids.length)
    this.#ids.push(connectionId)
    this.#versions.push(version)
    this.#untils.push(now + this.#ttlMs)
    this.#evict(now)
  }

  clear(): void {
    this.#slotOf.clear()
    this.#base += this.#ids.length
    this.#ids = []
    this.#versions = []
    this.#untils = []
    this.#head = 0
  }

  get size(): number {
    return this.#slotOf.size
  }

  #evict(now: number): void {
    while (this.#head < this.#ids.length) {
      const id = this.#ids[this.#head]!
      const isCurrent = this.#slotOf.get(id) === this.#base + this.#head
      if (isCurrent && this.#slotOf.size <= this.#max && this.#untils[this.#head]! > now) break
      if (isCurrent) this.#slotOf.delete(id)
      this.#head++
    }
    if (this.#head > 1024 && this.#head * 2 > this.#ids.length) {
      this.#ids = this.#ids.slice(this.#head)
      this.#versions = this.#versions.slice(this.#head)
      this.#untils = this.#untils.slice(this.#head)
      this.#base += this.#head
      this.#head = 0
    }
  }
}
