import { describe, expect, it } from 'vitest'
import { getRowCapacity, ROW_CAPACITY_STEP } from '../../src/ui/index.js'

describe('getRowCapacity', () => {
  it('starts a step above the count, on a multiple of the step', () => {
    expect(getRowCapacity(0, 0)).toBe(0)
    expect(getRowCapacity(3, 0)).toBe(2 * ROW_CAPACITY_STEP)
    expect(getRowCapacity(20_000, 0)).toBe((Math.ceil(20_000 / 1024) + 1) * 1024)
  })

  it('steps by about a sixteenth of a long list, a power of two', () => {
    // 2^16 <= 100,000 < 2^17: steps of 2^12.
    expect(getRowCapacity(100_000, 0)).toBe((Math.ceil(100_000 / 4096) + 1) * 4096)
    expect(getRowCapacity(40_000, 0)).toBe((Math.ceil(40_000 / 2048) + 1) * 2048)
    expect(getRowCapacity(1_000_000, 0) % 32_768).toBe(0)
  })

  it('keeps the capacity while joins and leaves stay within it', () => {
    const capacity = getRowCapacity(100_000, 0)
    for (const count of [98_400, 99_500, 100_001, 104_000, capacity, capacity - 2 * 4096 + 1]) {
      expect(getRowCapacity(count, capacity)).toBe(capacity)
    }
    const small = getRowCapacity(10_000, 0)
    for (const count of [9_300, 10_500, small, small - 2 * ROW_CAPACITY_STEP + 1]) {
      expect(getRowCapacity(count, small)).toBe(small)
    }
  })

  it('grows past the capacity and shrinks once two steps are spare', () => {
    expect(getRowCapacity(2049, 2048)).toBe(4096)
    expect(getRowCapacity(2048, 4096)).toBe(3072)
    expect(getRowCapacity(0, 4096)).toBe(ROW_CAPACITY_STEP)
    const capacity = getRowCapacity(100_000, 0)
    expect(getRowCapacity(capacity + 1, capacity)).toBeGreaterThan(capacity)
    expect(getRowCapacity(capacity - 2 * 4096, capacity)).toBeLessThan(capacity)
  })

  it('settles across a power of two instead of moving back and forth', () => {
    let capacity = getRowCapacity(65_536, 0)
    const seen = new Set<number>()
    for (let round = 0; round < 4; round++) {
      for (const count of [65_535, 65_536, 65_537]) seen.add((capacity = getRowCapacity(count, capacity)))
    }
    expect(seen.size).toBeLessThanOrEqual(2)
    expect(getRowCapacity(65_535, capacity)).toBe(capacity)
  })

  it('treats a count that is not a count as none', () => {
    expect(getRowCapacity(Number.NaN, 0)).toBe(0)
    expect(getRowCapacity(-5, 0)).toBe(0)
  })
})
