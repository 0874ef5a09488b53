import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { chunkSorted, joinSequences, type MemberSequence } from '../../src/ui/chunked-list.js'

const byValue = (a: number, b: number) => a - b

function read<M>(list: MemberSequence<M>): M[] {
  return Array.from({ length: list.length }, (_, position) => list.at(position)!)
}

const batchArb = fc.record({
  add: fc.uniqueArray(fc.integer({ min: 0, max: 300 }), { maxLength: 12 }),
  removeAt: fc.array(fc.nat(), { maxLength: 12 }),
})

describe('chunkSorted', () => {
  it('reads and patches like a sorted array, with chunks of any size (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 300 }), { maxLength: 60 }),
        fc.integer({ min: 1, max: 5 }),
        fc.array(batchArb, { maxLength: 15 }),
        (initial, size, batches) => {
          let expected = initial.toSorted(byValue)
          let list = chunkSorted(expected, byValue, size)
          expect(read(list)).toEqual(expected)
          for (const batch of batches) {
            const removed = [
              ...new Set(batch.removeAt.map((i) => expected[i % Math.max(1, expected.length)])),
            ].filter((value): value is number => value !== undefined)
            const kept = expected.filter((value) => !removed.includes(value))
            const added = batch.add.filter((value) => !kept.includes(value))
            const before = list
            const snapshot = read(before)
            const next = list.patch({ added, removed, updated: [] })!
            expected = [...kept, ...added].toSorted(byValue)
            expect(read(next)).toEqual(expected)
            expect(next.toArray()).toEqual(expected)
            expect(next).toHaveLength(expected.length)
            // The list it was made from is left as it was.
            expect(read(before)).toEqual(snapshot)
            list = next
          }
          expect(list.at(-1)).toBeUndefined()
          expect(list.at(list.length)).toBeUndefined()
        },
      ),
      { numRuns: 400 },
    )
  })

  it('moves an updated member to its new place', () => {
    type Item = { readonly id: string; readonly rank: number }
    const order = (a: Item, b: Item) => a.rank - b.rank || a.id.localeCompare(b.id)
    const items = Array.from({ length: 10 }, (_, index) => ({ id: `u${index}`, rank: index }))
    const list = chunkSorted(items, order, 3)
    const moved = { id: 'u2', rank: 100 }
    const next = list.patch({ added: [], removed: [], updated: [[items[2]!, moved]] })!
    expect(read(next).map((item) => item.id)).toEqual([
      'u0',
      'u1',
      'u3',
      'u4',
      'u5',
      'u6',
      'u7',
      'u8',
      'u9',
      'u2',
    ])
  })

  it('refuses changes that remove a member it does not hold', () => {
    const list = chunkSorted([1, 3, 5], byValue, 2)
    expect(list.patch({ added: [], removed: [4], updated: [] })).toBeUndefined()
    expect(chunkSorted([], byValue).patch({ added: [], removed: [1], updated: [] })).toBeUndefined()
    expect(read(list)).toEqual([1, 3, 5])
  })

  it('patches a 100,000-member list', () => {
    const values = Array.from({ length: 100_000 }, (_, index) => index * 2)
    const list = chunkSorted(values, byValue)
    const next = list.patch({ added: [7], removed: [199_998], updated: [] })!
    expect(next.at(4)).toBe(7)
    expect(next.at(next.length - 1)).toBe(199_996)
    expect(list.toArray()).toEqual(values)
  })
})

describe('joinSequences', () => {
  it('reads two lists as one, and joins them into one array once', () => {
    const joined = joinSequences(chunkSorted([1, 2, 3], byValue, 2), chunkSorted([8, 9], byValue))
    expect(read(joined)).toEqual([1, 2, 3, 8, 9])
    expect(joined.toArray()).toEqual([1, 2, 3, 8, 9])
    expect(joined.toArray()).toBe(joined.toArray())
    expect(joined.at(5)).toBeUndefined()
  })
})
