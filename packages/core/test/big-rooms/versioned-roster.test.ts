import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { bigRoomRoster } from '../../src/big-rooms/index.js'

// An operation on the roster: write user `id` (a new value each time), remove them, or freeze.
const operationArb = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('set' as const), id: fc.nat(20) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('delete' as const), id: fc.nat(20) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('freeze' as const), id: fc.constant(0) }) },
)

describe('bigRoomRoster', () => {
  // Enough operations that committed rosters get copies of their own and the slots are renumbered.
  it('reads like a Map in insertion order, and a frozen roster never changes after (property)', () => {
    fc.assert(
      fc.property(fc.array(operationArb, { minLength: 1_500, maxLength: 3_000 }), (operations) => {
        const roster = bigRoomRoster<string>()
        const reference = new Map<string, string>()
        const frozen: { read: () => readonly string[]; expected: string[] }[] = []
        operations.forEach(({ kind, id }, step) => {
          const userId = `u${id}`
          if (kind === 'set') {
            roster.set(userId, `${userId}@${step}`)
            reference.set(userId, `${userId}@${step}`)
          } else if (kind === 'delete') {
            roster.delete(userId)
            reference.delete(userId)
          } else {
            frozen.push({ read: roster.freeze(), expected: [...reference.values()] })
          }
          expect(roster.size).toBe(reference.size)
          expect(roster.get(userId)).toBe(reference.get(userId))
        })
        expect([...roster.keys()]).toEqual([...reference.keys()])
        expect(roster.freeze()()).toEqual([...reference.values()])
        for (const { read, expected } of frozen) expect(read()).toEqual(expected)
      }),
      { numRuns: 25, endOnFailure: true },
    )
  })

  it('hands out one frozen array per freeze, built on the first read', () => {
    const roster = bigRoomRoster<number>()
    roster.set('a', 1)
    const read = roster.freeze()
    roster.set('a', 2)
    expect(read()).toBe(read())
    expect(Object.isFrozen(read())).toBe(true)
    expect(read()).toEqual([1])
    expect(roster.freeze()()).toEqual([2])
  })

  it('keeps the order and earlier freezes when most users leave and the slots are renumbered', () => {
    const roster = bigRoomRoster<number>()
    for (let i = 0; i < 4_096; i++) roster.set(`u${i}`, i)
    const before = roster.freeze()
    roster.set('u1000', -1)
    const middle = roster.freeze()
    for (let i = 0; i < 4_096; i++) if (i % 4 !== 0) roster.delete(`u${i}`)
    expect(roster.freeze()()).toEqual(Array.from({ length: 1_024 }, (_, i) => (i === 250 ? -1 : 4 * i)))
    expect(roster.get('u1000')).toBe(-1)
    expect(roster.get('u4092')).toBe(4092)
    roster.set('u1', 1)
    expect([...roster.keys()].at(-1)).toBe('u1')
    expect(before()).toEqual(Array.from({ length: 4_096 }, (_, i) => i))
    expect(middle()).toEqual(Array.from({ length: 4_096 }, (_, i) => (i === 1000 ? -1 : i)))
  })
})
