import { describe, expect, it } from 'vitest'
import { crowdName } from '../src/crowd-names.js'

describe('crowdName', () => {
  it('gives 100,000 users distinct names, neighbours never alike', () => {
    const names = Array.from({ length: 100_000 }, (_, index) => crowdName(index + 1))
    expect(new Set(names).size).toBeGreaterThanOrEqual(95_000)
    // The first ten thousand, what most crowds show, are all different.
    expect(new Set(names.slice(0, 10_000)).size).toBe(10_000)
    const sameAsPrevious = names.filter((name, index) => index > 0 && name === names[index - 1])
    expect(sameAsPrevious).toEqual([])
  })

  it('no name repeats in a run when the list is sorted by name', () => {
    const sorted = Array.from({ length: 100_000 }, (_, index) => crowdName(index + 1)).toSorted()
    let longestRun = 1
    let run = 1
    for (let index = 1; index < sorted.length; index++) {
      run = sorted[index] === sorted[index - 1] ? run + 1 : 1
      longestRun = Math.max(longestRun, run)
    }
    expect(longestRun).toBeLessThanOrEqual(2)
  })
})
