import { describe, expect, it } from 'vitest'
import { getRowCapacity, ROW_CAPACITY_STEP } from '../../src/ui/index.js'

describe('getRowCapacity', () => {
  it('starts a step above the count, on a multiple of the step', () => {
    expect(getRowCapacity(0, 0)).toBe(0)
    expect(getRowCapacity(3, 0)).toBe(2 * ROW_CAPACITY_STEP)
    expect(getRowCapacity(100_000, 0)).toBe((Math.ceil(100_000 / 1024) + 1) * 1024)
  })

  it('keeps the capacity while joins and leaves stay within it', () => {
    const capacity = getRowCapacity(100_000, 0)
    for (const count of [99_500, 100_001, 100_352, capacity, capacity - 2 * ROW_CAPACITY_STEP + 1]) {
      expect(getRowCapacity(count, capacity)).toBe(capacity)
    }
  })

  it('grows past the capacity and shrinks once two steps are spare', () => {
    expect(getRowCapacity(2049, 2048)).toBe(4096)
    expect(getRowCapacity(2048, 4096)).toBe(3072)
    expect(getRowCapacity(0, 4096)).toBe(ROW_CAPACITY_STEP)
  })

  it('treats a count that is not a count as none', () => {
    expect(getRowCapacity(Number.NaN, 0)).toBe(0)
    expect(getRowCapacity(-5, 0)).toBe(0)
  })
})
