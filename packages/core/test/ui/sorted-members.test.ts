import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Member, PresenceStatus } from '../../src/types.js'
import type { MemberSequence } from '../../src/ui/chunked-list.js'
import {
  compareMembers,
  compareStatus,
  compareUserIds,
  createSortedMembers,
  PRESENCE_STATUSES,
  type MemberChanges,
} from '../../src/ui/index.js'
import { makeMember } from './make-member.js'

const NAMES = ['Ada', 'ada', 'Grace', 'Émile', 'emile', 'עדה', '山田', 'user 9', 'user 10', '']

type Fields = { name: number; status: number; self: boolean }
type Step =
  | { kind: 'add'; count: number; fields: Fields }
  | { kind: 'remove'; pick: number }
  | { kind: 'update'; pick: number; fields: Fields }
  | { kind: 'touch'; pick: number }
  | { kind: 'shuffle'; seed: number }
  | { kind: 'same' }

const fieldsArb: fc.Arbitrary<Fields> = fc.record({
  name: fc.nat(NAMES.length - 1),
  status: fc.nat(PRESENCE_STATUSES.length - 1),
  self: fc.boolean(),
})

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('add' as const),
      count: fc.integer({ min: 1, max: 4 }),
      fields: fieldsArb,
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }) },
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('update' as const), pick: fc.nat(), fields: fieldsArb }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('touch' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('shuffle' as const), seed: fc.nat() }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'same' as const }) },
)

function build(userId: string, fields: Fields): Member {
  return makeMember(userId, {
    name: NAMES[fields.name] ?? '',
    status: PRESENCE_STATUSES[fields.status] ?? 'active',
    isSelf: fields.self && userId === 'me',
  })
}

/** Applies one batch of steps to a member list; ids are unique and never reused within a run. */
function applyBatch(
  list: readonly Member[],
  batch: readonly Step[],
  nextId: () => string,
): readonly Member[] {
  let next = [...list]
  for (const step of batch) {
    const index = next.length === 0 ? -1 : ('pick' in step ? step.pick : 0) % next.length
    switch (step.kind) {
      case 'add':
        for (let i = 0; i < step.count; i++) next.push(build(nextId(), step.fields))
        break
      case 'remove':
        if (index >= 0) next.splice(index, 1)
        break
      case 'update':
        // A new object with possibly a new sort key (name, status, self).
        if (index >= 0) next[index] = build(next[index]!.userId, step.fields)
        break
      case 'touch':
        // A new object with the same sort key (a data change the order does not see).
        if (index >= 0) next[index] = { ...next[index]!, data: { touched: true } }
        break
      case 'shuffle':
        next = next
          .map((member, i) => [member, (i * 7919 + step.seed) % 104729] as const)
          .toSorted((a, b) => a[1] - b[1])
          .map(([member]) => member)
        break
      case 'same':
        return list
    }
  }
  return next
}

/** The exact changes between two lists, the way the store would report them. */
function changesBetween(previous: readonly Member[], next: readonly Member[]): MemberChanges<Member> {
  const before = new Map(previous.map((member) => [member.userId, member]))
  const after = new Map(next.map((member) => [member.userId, member]))
  return {
    added: next.filter((member) => !before.has(member.userId)),
    removed: previous.filter((member) => !after.has(member.userId)),
    updated: next.flatMap((member) => {
      const old = before.get(member.userId)
      return old !== undefined && old !== member ? [[old, member] as const] : []
    }),
  }
}

function idFactory(): () => string {
  let counter = 0
  // 'me' and '__proto__' come early so that they take part in most runs.
  const special = ['me', '__proto__', 'constructor']
  return () => special[counter++] ?? `user-${counter}`
}

const runArb = fc.record({
  initial: fc.array(fieldsArb, { maxLength: 300 }),
  batches: fc.array(fc.array(stepArb, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 25 }),
  passChanges: fc.array(fc.boolean(), { minLength: 25, maxLength: 25 }),
})

/** Every member by position, through `at` (not the list's own array). */
function read<M>(list: MemberSequence<M>): M[] {
  return Array.from({ length: list.length }, (_, position) => list.at(position)!)
}

function checkAgainstFullSort(
  compare: (a: Member, b: Member) => number,
  reference: (a: Member, b: Member) => number,
) {
  fc.assert(
    fc.property(runArb, ({ initial, batches, passChanges }) => {
      const nextId = idFactory()
      const sorter = createSortedMembers<Member>(compare)
      let list: readonly Member[] = initial.map((fields) => build(nextId(), fields))
      expect(read(sorter.update(list))).toEqual(list.toSorted(reference))
      batches.forEach((batch, index) => {
        const previousList = list
        const previousSorted = sorter.current()
        const previousSnapshot = read(previousSorted)
        list = applyBatch(list, batch, nextId)
        const changes = passChanges[index] ? changesBetween(previousList, list) : undefined
        const result = sorter.update(list, changes)
        expect(read(result)).toEqual(list.toSorted(reference))
        expect(result.toArray()).toEqual(list.toSorted(reference))
        expect(sorter.current()).toBe(result)
        // A list handed out before is never changed under its reader.
        expect(read(previousSorted)).toEqual(previousSnapshot)
        if (list === previousList) expect(result).toBe(previousSorted)
      })
    }),
    { numRuns: 300 },
  )
}

// A partial order: many ties, which the sorter must break by user id.
function byStatusOnly(a: Member, b: Member): number {
  return compareStatus(a.status, b.status)
}

describe('createSortedMembers', () => {
  it('always equals a full sort, with or without changes (property)', () => {
    checkAgainstFullSort(compareMembers, compareMembers)
  })

  it('breaks ties of a partial order by user id (property)', () => {
    checkAgainstFullSort(byStatusOnly, (a, b) => byStatusOnly(a, b) || compareUserIds(a.userId, b.userId))
  })

  it('returns the same array for the same input and for unchanged members', () => {
    const sorter = createSortedMembers(compareMembers)
    const members = [makeMember('b'), makeMember('a')]
    const sorted = sorter.update(members)
    expect(sorter.update(members)).toBe(sorted)
    expect(sorter.update(members.toReversed())).toBe(sorted)
    expect(sorter.update([...members], { added: [], removed: [], updated: [] })).toBe(sorted)
  })

  it('starts empty and handles empty lists', () => {
    const sorter = createSortedMembers(compareMembers)
    expect(read(sorter.current())).toEqual([])
    expect(read(sorter.update([]))).toEqual([])
    expect(read(sorter.update([makeMember('a')])).map((member) => member.userId)).toEqual(['a'])
    expect(read(sorter.update([]))).toEqual([])
  })

  it('recovers from changes that do not match the list', () => {
    const sorter = createSortedMembers(compareMembers)
    const a = makeMember('a', { name: 'A' })
    const b = makeMember('b', { name: 'B' })
    const c = makeMember('c', { name: 'C' })
    sorter.update([b, a])
    const stranger = makeMember('z')
    const cases: [readonly Member[], MemberChanges<Member>][] = [
      [[a, b, c], { added: [], removed: [], updated: [] }],
      [[a], { added: [], removed: [stranger], updated: [] }],
      [[a, c], { added: [c], removed: [b, b], updated: [] }],
      [[c, b], { added: [], removed: [], updated: [[makeMember('a'), c]] }],
      [[a, b, c], { added: [c, c], removed: [], updated: [] }],
      [[a, c], { added: [a, c], removed: [], updated: [] }],
    ]
    for (const [next, wrongChanges] of cases) {
      expect(read(sorter.update(next, wrongChanges))).toEqual(next.toSorted(compareMembers))
    }
  })

  it('reads a list given as a function only when the changes do not fit it', () => {
    const sorter = createSortedMembers(compareMembers)
    const a = makeMember('a', { name: 'A' })
    const b = makeMember('b', { name: 'B' })
    const c = makeMember('c', { name: 'C' })
    sorter.update([b, a])
    let reads = 0
    const lazily = (members: Member[]) => () => {
      reads++
      return members
    }
    const added = sorter.update(lazily([a, b, c]), { added: [c], removed: [], updated: [] }, 3)
    expect(read(added)).toEqual([a, b, c])
    expect(reads).toBe(0)
    // Two members said, three counted: the list is read and sorted from it.
    const recovered = sorter.update(lazily([c, b, a]), { added: [], removed: [a], updated: [] }, 3)
    expect(reads).toBe(1)
    expect(read(recovered)).toEqual([a, b, c])
  })

  it('shares one full sort between lists of the same array in the same order', () => {
    let comparisons = 0
    const counting = (a: Member, b: Member) => (comparisons++, compareMembers(a, b))
    const members = ['d', 'b', 'e', 'a', 'c'].map((id) => makeMember(id, { name: id.toUpperCase() }))
    const stack = createSortedMembers(counting)
    const list = createSortedMembers(counting)
    const sorted = stack.update(members)
    expect(comparisons).toBeGreaterThan(0)
    comparisons = 0
    expect(list.update(members)).toBe(sorted)
    expect(comparisons).toBe(0)
    // Another order, or another array with the same members, sorts on its own.
    const grouped = createSortedMembers((a: Member, b: Member) => (comparisons++, -compareMembers(a, b)))
    expect(read(grouped.update(members)).map((member) => member.userId)).toEqual(['e', 'd', 'c', 'b', 'a'])
    comparisons = 0
    expect(read(createSortedMembers(counting).update([...members]))).toEqual(read(sorted))
    expect(comparisons).toBeGreaterThan(0)
    // A patch of one list leaves the other's as it was.
    const f = makeMember('f', { name: 'F' })
    const patched = stack.update([...members, f], { added: [f], removed: [], updated: [] })
    expect(read(patched).map((member) => member.userId)).toEqual(['a', 'b', 'c', 'd', 'e', 'f'])
    expect(read(list.current()).map((member) => member.userId)).toEqual(['a', 'b', 'c', 'd', 'e'])
  })

  it('sorts again when an array it sorted before was changed in place', () => {
    const members = [makeMember('b'), makeMember('a')]
    createSortedMembers(compareMembers).update(members)
    members.push(makeMember('c'))
    const later = createSortedMembers(compareMembers).update(members)
    expect(read(later).map((member) => member.userId)).toEqual(['a', 'b', 'c'])
  })

  it('handles duplicate user ids by sorting fully', () => {
    const sorter = createSortedMembers(compareMembers)
    const first = makeMember('a', { name: 'X' })
    const second = makeMember('a', { name: 'Y' })
    expect(read(sorter.update([second, first]))).toEqual([first, second])
    const third = makeMember('b')
    expect(read(sorter.update([second, first, third]))).toEqual(
      [first, second, third].toSorted(compareMembers),
    )
  })

  it('patches a 100,000-member list with few comparisons', () => {
    const statuses: PresenceStatus[] = ['active', 'idle', 'away']
    const members = Array.from({ length: 100_000 }, (_, index) =>
      makeMember(`user-${index}`, { name: `Name ${index % 997}`, status: statuses[index % 3] ?? 'active' }),
    )
    let comparisons = 0
    const sorter = createSortedMembers<Member>((a, b) => {
      comparisons++
      return compareMembers(a, b)
    })
    sorter.update(members)

    const next = [...members]
    next[123] = makeMember('user-123', { name: 'Aaron', status: 'active' })
    next.push(makeMember('newcomer', { name: 'Zelda', status: 'away' }))
    next.splice(500, 1)
    comparisons = 0
    const result = sorter.update(next)
    expect(comparisons).toBeLessThan(200)
    expect(result).toHaveLength(100_000)
    expect(result.at(0)?.userId).toBe('user-123')
    expect(read(result)).toEqual(next.toSorted(compareMembers))

    // The same with the changes given: no diff, and still only a handful of comparisons.
    const previous = next[123]!
    const renamed = makeMember('user-123', { name: 'Zoltan', status: 'away' })
    const leaving = next[0]!
    const after = next.map((member) => (member === previous ? renamed : member)).slice(1)
    comparisons = 0
    const patched = sorter.update(after, { added: [], removed: [leaving], updated: [[previous, renamed]] })
    expect(comparisons).toBeLessThan(200)
    expect(read(patched)).toEqual(after.toSorted(compareMembers))
  })

  it('falls back to a full sort for large batches and stays correct', () => {
    const members = Array.from({ length: 1000 }, (_, index) => makeMember(`u${index}`, { name: `N${index}` }))
    let comparisons = 0
    const sorter = createSortedMembers<Member>((a, b) => {
      comparisons++
      return compareMembers(a, b)
    })
    sorter.update(members)
    const next = members.map((member, index) =>
      index % 5 === 0 ? makeMember(member.userId, { name: `M${index}`, status: 'idle' }) : member,
    )
    comparisons = 0
    expect(read(sorter.update(next))).toEqual(next.toSorted(compareMembers))
    expect(comparisons).toBeGreaterThan(1000)
  })
})
