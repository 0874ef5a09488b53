import { describe, expect, it } from 'vitest'
import { createRandom } from '../../src/testing/index.js'

const draw = (seed: number, count = 20) => {
  const random = createRandom(seed)
  return Array.from({ length: count }, () => random.next())
}

describe('createRandom', () => {
  it('replays the same sequence for the same seed, and another for another seed', () => {
    expect(draw(42)).toEqual(draw(42))
    expect(draw(42)).not.toEqual(draw(43))
    expect(draw(0)).not.toEqual(draw(1))
  })

  it('stays within its ranges and spreads over them', () => {
    const random = createRandom(7)
    const floats = Array.from({ length: 10_000 }, () => random.next())
    expect(Math.min(...floats)).toBeGreaterThanOrEqual(0)
    expect(Math.max(...floats)).toBeLessThan(1)
    expect(Math.min(...floats)).toBeLessThan(0.01)
    expect(Math.max(...floats)).toBeGreaterThan(0.99)
    const ints = new Set(Array.from({ length: 10_000 }, () => random.int(-2, 3)))
    expect([...ints].toSorted((a, b) => a - b)).toEqual([-2, -1, 0, 1, 2, 3])
    expect(random.int(5, 5)).toBe(5)
  })

  it('picks every item of an array and honours chance at its edges', () => {
    const random = createRandom(3)
    const picked = new Set(Array.from({ length: 500 }, () => random.pick(['a', 'b', 'c'])))
    expect([...picked].toSorted()).toEqual(['a', 'b', 'c'])
    const hits = Array.from({ length: 10_000 }, () => random.chance(0.25)).filter(Boolean).length
    expect(hits).toBeGreaterThan(2_200)
    expect(hits).toBeLessThan(2_800)
    expect(Array.from({ length: 100 }, () => random.chance(0)).some(Boolean)).toBe(false)
    expect(Array.from({ length: 100 }, () => random.chance(1)).every(Boolean)).toBe(true)
  })

  it('refuses what it cannot honour', () => {
    const random = createRandom(1)
    expect(() => random.pick([])).toThrow(RangeError)
    expect(() => random.int(3, 2)).toThrow(RangeError)
    expect(() => createRandom(Number.NaN)).toThrow(RangeError)
  })
})
