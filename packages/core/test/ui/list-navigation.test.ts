import { describe, expect, it } from 'vitest'
import { getNextListIndex, isListNavigationKey, withActiveRow } from '../../src/ui/list-navigation.js'

describe('getNextListIndex', () => {
  it('moves by one, stops at the ends, and jumps to either end', () => {
    expect(getNextListIndex('ArrowDown', -1, 5)).toBe(0)
    expect(getNextListIndex('ArrowDown', 3, 5)).toBe(4)
    expect(getNextListIndex('ArrowDown', 4, 5)).toBe(4)
    expect(getNextListIndex('ArrowUp', 0, 5)).toBe(0)
    expect(getNextListIndex('ArrowUp', -1, 5)).toBe(0)
    expect(getNextListIndex('ArrowUp', 3, 5)).toBe(2)
    expect(getNextListIndex('Home', 3, 5)).toBe(0)
    expect(getNextListIndex('End', 0, 5)).toBe(4)
  })

  it('pages by pageSize and clamps', () => {
    expect(getNextListIndex('PageDown', 0, 100, 10)).toBe(10)
    expect(getNextListIndex('PageDown', 95, 100, 10)).toBe(99)
    expect(getNextListIndex('PageUp', 5, 100, 10)).toBe(0)
    expect(getNextListIndex('PageUp', 50, 100, 0)).toBe(49)
  })

  it('handles empty lists and indexes past the end', () => {
    expect(getNextListIndex('ArrowDown', 0, 0)).toBe(-1)
    expect(getNextListIndex('ArrowUp', 50, 5)).toBe(3)
  })

  it('recognises only navigation keys', () => {
    expect(isListNavigationKey('ArrowDown')).toBe(true)
    expect(isListNavigationKey('Enter')).toBe(false)
  })
})

describe('withActiveRow', () => {
  it('adds the active row in order when it is outside the rendered range', () => {
    expect(withActiveRow([10, 11, 12], 2)).toEqual([2, 10, 11, 12])
    expect(withActiveRow([10, 11, 12], 40)).toEqual([10, 11, 12, 40])
  })

  it('leaves the range as it is when the active row is in it or there is none', () => {
    const range = [10, 11, 12]
    expect(withActiveRow(range, 11)).toBe(range)
    expect(withActiveRow(range, -1)).toBe(range)
  })
})
