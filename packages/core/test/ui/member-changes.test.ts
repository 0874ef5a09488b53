import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { getMemberChanges } from '../../src/ui/member-changes.js'
import { compareMembers, sortMembers } from '../../src/ui/member-order.js'
import { createSortedMembers } from '../../src/ui/sorted-members.js'
import type { Member } from '../../src/types.js'
import { conn, setupRoom } from '../fixtures/setup.js'

beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }))
afterEach(() => vi.useRealTimers())

type Op =
  | { kind: 'join'; user: number; tab: number; name: number }
  | { kind: 'update'; user: number; tab: number; name: number; away: boolean }
  | { kind: 'leave'; user: number; tab: number }
  | { kind: 'commit' }
  | { kind: 'wait' }

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('join' as const), user: fc.nat(12), tab: fc.nat(1), name: fc.nat(5) }),
  fc.record({
    kind: fc.constant('update' as const),
    user: fc.nat(12),
    tab: fc.nat(1),
    name: fc.nat(5),
    away: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('leave' as const), user: fc.nat(12), tab: fc.nat(1) }),
  fc.record({ kind: fc.constant('commit' as const) }),
  fc.record({ kind: fc.constant('wait' as const) }),
)

function byId(a: { userId: string }, b: { userId: string }): number {
  return a.userId < b.userId ? -1 : 1
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i])
}

describe('getMemberChanges', () => {
  it('keeps an incrementally sorted list equal to a full sort of every committed roster', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), (ops) => {
        const { room, sink } = setupRoom({ batch: 'frame', leaveGraceMs: 1_000 })
        room.watch()
        sink().status('connected', { connectionId: 'me-1' })
        sink().snapshot([])
        room.flush()
        const sorted = createSortedMembers<Member>(compareMembers)
        sorted.update(room.get().members)
        let failures = 0
        let previous = room.get().members
        room.on('change', (event) => {
          const changes = getMemberChanges(event.events)
          // The changes must be exactly the identity diff of the two rosters (the sorter forgives
          // some wrong changes by sorting in full, so check them directly too).
          const before = new Map(previous.map((m) => [m.userId, m]))
          const after = new Map(event.state.members.map((m) => [m.userId, m]))
          const added = event.state.members.filter((m) => !before.has(m.userId))
          const removed = previous.filter((m) => !after.has(m.userId))
          const updated = event.state.members
            .filter((m) => before.has(m.userId) && before.get(m.userId) !== m)
            .map((m) => [before.get(m.userId), m])
          if (
            !sameList(changes.added.toSorted(byId), added.toSorted(byId)) ||
            !sameList(changes.removed.toSorted(byId), removed.toSorted(byId)) ||
            changes.updated.length !== updated.length ||
            changes.updated.some(([b, a]) => before.get(a.userId) !== b || after.get(a.userId) !== a)
          ) {
            failures++
          }
          const result = sorted.update(event.state.members, changes)
          const expected = sortMembers(event.state.members)
          if (!sameList(result.toArray(), expected)) failures++
          previous = event.state.members
        })
        for (const o of ops) {
          const userId = `u${o.kind === 'commit' || o.kind === 'wait' ? 0 : o.user}`
          if (o.kind === 'join')
            sink().join(conn(userId, `${userId}-${o.tab}`, { data: { name: `n${o.name}` } }))
          else if (o.kind === 'update') {
            sink().update(
              conn(userId, `${userId}-${o.tab}`, {
                data: { name: `n${o.name}` },
                activity: { inactiveMs: 0, hidden: false, away: o.away },
              }),
            )
          } else if (o.kind === 'leave') sink().leave({ userId, connectionId: `${userId}-${o.tab}` })
          else if (o.kind === 'commit') room.flush()
          else vi.advanceTimersByTime(600)
        }
        room.flush()
        vi.advanceTimersByTime(2_000)
        room.flush()
        expect(failures).toBe(0)
        expect(sorted.current().toArray()).toEqual(sortMembers(room.get().members))
        room.clearListeners()
      }),
      { numRuns: 300 },
    )
  })

  it('leaves out a member who joined and left within one commit, and collapses updates', () => {
    const { room, sink } = setupRoom({ batch: 'frame', leaveGraceMs: 0 })
    room.watch()
    sink().status('connected', { connectionId: 'me-1' })
    sink().snapshot([conn('ada', 'a1')])
    room.flush()
    const ada = room.get('ada')!
    let changes: ReturnType<typeof getMemberChanges> | undefined
    room.on('change', (event) => {
      changes = getMemberChanges(event.events)
    })
    sink().join(conn('ghost', 'g1'))
    sink().leave({ userId: 'ghost', connectionId: 'g1' })
    sink().update(conn('ada', 'a1', { data: { name: 'A' } }))
    sink().update(conn('ada', 'a1', { data: { name: 'AB' } }))
    room.flush()
    expect(changes?.added).toEqual([])
    expect(changes?.removed).toEqual([])
    expect(changes?.updated).toHaveLength(1)
    expect(changes?.updated[0]?.[0]).toBe(ada)
    expect(changes?.updated[0]?.[1]).toBe(room.get('ada'))
  })
})
