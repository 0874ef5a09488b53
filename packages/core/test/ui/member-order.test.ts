import { describe, expect, it } from 'vitest'
import {
  compareMembers,
  createMemberComparator,
  groupMembersByStatus,
  sortMembers,
} from '../../src/ui/index.js'
import type { PresenceStatus } from '../../src/types.js'
import { makeMember } from './make-member.js'

const ids = (members: readonly { userId: string }[]): string[] => members.map((member) => member.userId)

describe('compareMembers and sortMembers', () => {
  it('puts self first, then sorts by status, then by name, then by user id', () => {
    const members = [
      makeMember('z', { name: 'Zed', status: 'active' }),
      makeMember('me', { name: 'Zoe', status: 'offline', isSelf: true }),
      makeMember('b2', { name: 'Bob', status: 'idle' }),
      makeMember('a', { name: 'alice', status: 'idle' }),
      makeMember('b1', { name: 'Bob', status: 'idle' }),
      makeMember('c', { name: 'Carol', status: 'away' }),
    ]
    expect(ids(sortMembers(members))).toEqual(['me', 'z', 'a', 'b1', 'b2', 'c'])
  })

  it('returns a new array and leaves the input alone', () => {
    const members = Object.freeze([makeMember('b'), makeMember('a')])
    const sorted = sortMembers(members)
    expect(sorted).not.toBe(members)
    expect(ids(members)).toEqual(['b', 'a'])
    expect(ids(sorted)).toEqual(['a', 'b'])
  })

  it('compares names numerically and ignoring case and accents', () => {
    const members = [
      makeMember('1', { name: 'user 10' }),
      makeMember('2', { name: 'user 9' }),
      makeMember('3', { name: 'User 1' }),
    ]
    expect(ids(sortMembers(members))).toEqual(['3', '2', '1'])
    expect(compareMembers(makeMember('x', { name: 'Émile' }), makeMember('x', { name: 'emile' }))).toBe(0)
  })

  it('sorts by display name: data.name and user id when there is no info', () => {
    const members = [makeMember('zeta'), makeMember('m', { data: { name: 'Alpha' } }), makeMember('beta')]
    expect(ids(sortMembers(members))).toEqual(['m', 'beta', 'zeta'])
  })

  it('uses the locale for collation', () => {
    const members = [makeMember('z', { name: 'zebra' }), makeMember('a', { name: 'ärlig' })]
    expect(ids(sortMembers(members, createMemberComparator({ locale: 'de' })))).toEqual(['a', 'z'])
    expect(ids(sortMembers(members, createMemberComparator({ locale: 'sv' })))).toEqual(['z', 'a'])
  })

  it('gives one comparator per locale, so that lists in one order can share a sort', () => {
    expect(createMemberComparator({ locale: 'de' })).toBe(createMemberComparator({ locale: 'de' }))
    expect(createMemberComparator()).toBe(createMemberComparator({}))
    expect(createMemberComparator({ locale: 'sv' })).not.toBe(createMemberComparator({ locale: 'de' }))
  })

  it('does not throw on an invalid locale', () => {
    const compare = createMemberComparator({ locale: 'not a locale!' })
    expect(ids(sortMembers([makeMember('b'), makeMember('a')], compare))).toEqual(['a', 'b'])
  })

  it('handles unicode, RTL, long names, __proto__ and empty lists', () => {
    const members = [
      makeMember('__proto__'),
      makeMember('r', { name: 'עדה' }),
      makeMember('l', { name: 'a'.repeat(10_000) }),
      makeMember('e', { name: '👩🏽‍💻' }),
    ]
    const sorted = sortMembers(members)
    expect(new Set(ids(sorted))).toEqual(new Set(ids(members)))
    expect(sortMembers(sorted.toReversed())).toEqual(sorted)
    expect(sortMembers([])).toEqual([])
  })

  it('is a total order: antisymmetric and decided by user id last', () => {
    const a = makeMember('a', { name: 'Same' })
    const b = makeMember('b', { name: 'same' })
    expect(compareMembers(a, b)).toBeLessThan(0)
    expect(compareMembers(b, a)).toBeGreaterThan(0)
    expect(compareMembers(a, a)).toBe(0)
  })

  it('sees a changed name on a new member object', () => {
    const before = makeMember('x', { name: 'Zed' })
    const other = makeMember('y', { name: 'Mia' })
    expect(compareMembers(before, other)).toBeGreaterThan(0)
    const after = makeMember('x', { name: 'Abe' })
    expect(compareMembers(after, other)).toBeLessThan(0)
  })
})

describe('groupMembersByStatus', () => {
  it('groups in status order, keeps member order, leaves empty groups out', () => {
    const members = [
      makeMember('a1', { status: 'away' }),
      makeMember('x1', { status: 'active' }),
      makeMember('a2', { status: 'away' }),
      makeMember('x2', { status: 'active' }),
    ]
    const groups = groupMembersByStatus(members)
    expect(groups.map((group) => [group.status, ids(group.members), group.count])).toEqual([
      ['active', ['x1', 'x2'], 2],
      ['away', ['a1', 'a2'], 2],
    ])
  })

  it('returns no groups for no members', () => {
    expect(groupMembersByStatus([])).toEqual([])
  })

  it('counts an unknown status as offline', () => {
    const groups = groupMembersByStatus([makeMember('q', { status: 'busy' as PresenceStatus })])
    expect(groups.map((group) => [group.status, group.count])).toEqual([['offline', 1]])
  })
})
