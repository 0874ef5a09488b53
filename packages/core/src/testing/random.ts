/** A seeded pseudo-random source: the same seed gives the same sequence on every platform. */
export interface Random {
  /** A float in [0, 1). */
  next(): number
  /** An integer between `min` and `max`, both included. */
  int(min: number, max: number): number
  /** One item of a non-empty array. */
  pick<T>(items: readonly T[]): T
  /** True with probability `p`: 0 never, 1 always. */
  chance(p: number): boolean
}

const TWO_POW_32 = 4294967296

/**
 * A Mulberry32 generator: one 32-bit word of state, fast, and random enough to make a crowd look
 * natural. Not for anything secret. Integer arithmetic only (`Math.imul`, unsigned shifts), so a
 * seed replays identically in every engine.
 */
export function createRandom(seed: number): Random {
  if (!Number.isFinite(seed))
    throw new RangeError(`createRandom(seed): seed must be a finite number, got ${seed}.`)
  let state = Math.trunc(seed) >>> 0

  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let mixed = Math.imul(state ^ (state >>> 15), state | 1)
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61)
    return ((mixed ^ (mixed >>> 14)) >>> 0) / TWO_POW_32
  }

  return {
    next,
    int(min, max) {
      const low = Math.ceil(min)
      const high = Math.floor(max)
      if (high < low) throw new RangeError(`random.int(${min}, ${max}): the range holds no integer.`)
      return low + Math.floor(next() * (high - low + 1))
    },
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new RangeError('random.pick(items): items is empty.')
      return items[Math.floor(next() * items.length)] as T
    },
    chance(p) {
      return next() < p
    },
  }
}
