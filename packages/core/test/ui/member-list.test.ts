import { describe, expect, it } from 'vitest'
import type { PresenceEvent } from '../../src/events.js'
import type { Member } from '../../src/types.js'
import { compareMembers, compareStatus, createMemberList, type MemberListSource } from '../../src/ui/index.js'
import { makeMember } from './make-member.js'

const state = (members: Member[], recentlyLeft: Member[] = [], synced = true) => ({
  members,
  recentlyLeft,
  synced,
})
const ids = (members: readonly Member[]) => members.map((member) => member.userId)
const byIdDescending = (a: Member, b: Member) => (a.userId < b.userId ? 1 : -1)
const byName = (a: Member, b: Member) => a.userId.localeCompare(b.userId)

/** A room state whose `members` counts its reads, as a roster kept in chunks would be joined. */
const counted = (members: Member[], self?: Member) => {
  const read = { times: 0 }
  const source = {
    get members() {
      read.times++
      return members
    },
    recentlyLeft: [],
    synced: true,
    count: members.length,
    self,
  }
  return { source, read }
}

describe('createMemberList', () => {
  const ada = makeMember('ada', { name: 'Ada', isSelf: true, status: 'idle' })
  const grace = makeMember('grace', { name: 'Grace' })
  const linus = makeMember('linus', { name: 'Linus', status: 'away' })
  const alan = makeMember('alan', { name: 'Alan' })

  it('takes a hand-made source that leaves out synced', () => {
    const source = { members: [grace, alan], recentlyLeft: [] } as unknown as MemberListSource<Member>
    const view = createMemberList().update(source)
    expect(ids(view.members)).toEqual(['alan', 'grace'])
    expect(view.synced).toBeUndefined()
  })

  it('sorts a roster once for all the lists that show it in the same order', () => {
    const roster = state([linus, grace, alan, ada])
    const stack = createMemberList().update(roster)
    expect(createMemberList().update(roster).ordered).toBe(stack.ordered)
    expect(createMemberList({ groupByStatus: true }).update(roster).ordered).not.toBe(stack.ordered)
    const others = createMemberList({ includeSelf: false }).update(roster)
    expect(ids(others.members)).toEqual(['alan', 'grace', 'linus'])
  })

  it('orders self first, then by status, then by name', () => {
    const list = createMemberList()
    expect(ids(list.update(state([linus, grace, alan, ada])).members)).toEqual([
      'ada',
      'alan',
      'grace',
      'linus',
    ])
  })

  it('takes a custom order, can leave self out and can append who left', () => {
    const gone = makeMember('zed', { name: 'Zed', status: 'offline' })
    const list = createMemberList({ sort: byIdDescending, includeSelf: false, showRecentlyLeft: true })
    expect(ids(list.update(state([ada, grace, alan], [gone])).members)).toEqual(['grace', 'alan', 'zed'])
  })

  it('groups by status before the order, with a header per status', () => {
    const list = createMemberList({ groupByStatus: true })
    const view = list.update(state([linus, grace, alan, ada]))
    expect(ids(view.members)).toEqual(['alan', 'grace', 'ada', 'linus'])
    expect(view.groups.map((group) => [group.status, group.count])).toEqual([
      ['active', 2],
      ['idle', 1],
      ['away', 1],
    ])
    expect(view.itemCount).toBe(7)
  })

  it('keeps the same view while nothing it shows changed', () => {
    const list = createMemberList()
    const members = [grace, alan]
    const first = list.update(state(members))
    expect(list.update(state(members))).toBe(first)
    expect(list.update({ ...state(members), synced: false })).not.toBe(first)
  })

  it('says when the roster is the last known one, with the same members', () => {
    const list = createMemberList()
    const members = [grace, alan]
    const live = list.update(state(members))
    expect(live.stale).toBe(false)
    const stale = list.update({ ...state(members), stale: true })
    expect(stale).not.toBe(live)
    expect(stale.stale).toBe(true)
    expect(stale.members).toBe(live.members)
    expect(list.update({ ...state(members), stale: false }).stale).toBe(false)
  })

  it('places only what the commit events name, and matches a full sort', () => {
    const list = createMemberList()
    const many = Array.from({ length: 500 }, (_, i) =>
      makeMember(`u${i}`, { name: `User ${i}`, status: i % 3 === 0 ? 'idle' : 'active' }),
    )
    list.update(state(many))
    const joined = makeMember('new', { name: 'Newcomer' })
    const updatedBefore = many[10]!
    const updatedAfter = makeMember('u10', { name: 'User 10', status: 'away' })
    const left = many[20]!
    const next = [...many.filter((m) => m !== left && m !== updatedBefore), updatedAfter, joined]
    const events: PresenceEvent[] = [
      { type: 'join', member: joined },
      { type: 'update', member: updatedAfter, previous: updatedBefore },
      { type: 'leave', member: { ...left, status: 'offline' }, previous: left },
    ]
    const view = list.update(state(next), events)
    expect(view.members).toEqual(next.toSorted(compareMembers))
    expect(view.members).toContain(updatedAfter)
    expect(view.members).not.toContain(updatedBefore)
  })

  it('recovers from events that do not describe the lists, by sorting fully', () => {
    const list = createMemberList()
    list.update(state([grace, alan]))
    const wrong: PresenceEvent[] = [{ type: 'leave', member: linus, previous: linus }]
    expect(ids(list.update(state([grace, alan, linus]), wrong).members)).toEqual(['alan', 'grace', 'linus'])
  })

  it('leaves self out of the changes when self is excluded', () => {
    const list = createMemberList({ includeSelf: false })
    list.update(state([grace]))
    const view = list.update(state([grace, ada]), [{ type: 'join', member: ada }])
    expect(ids(view.members)).toEqual(['grace'])
  })

  describe('given a commit with its count, as a room state has', () => {
    it('never reads the roster when the events fit, with or without self', () => {
      for (const includeSelf of [true, false]) {
        const list = createMemberList({ includeSelf })
        list.update(state([ada, grace]))
        const { source, read } = counted([ada, grace, alan], ada)
        const view = list.update(source, [{ type: 'join', member: alan }])
        expect(ids(view.members)).toEqual(includeSelf ? ['ada', 'alan', 'grace'] : ['alan', 'grace'])
        expect(read.times).toBe(0)
        // A commit of no roster events: nothing read, the same view.
        const next = counted([ada, grace, alan], ada)
        expect(list.update(next.source, [{ type: 'status', status: 'connected' }])).toBe(view)
        expect(next.read.times).toBe(0)
      }
    })

    it('reads the roster when the events do not add up to its count, and shows it', () => {
      const list = createMemberList()
      list.update(state([grace]))
      // A join the list never heard of: the count says three.
      const { source, read } = counted([grace, alan, linus])
      const view = list.update(source, [{ type: 'join', member: linus }])
      expect(read.times).toBeGreaterThan(0)
      expect(ids(view.members)).toEqual(['alan', 'grace', 'linus'])
      // The same commit given twice: its changes no longer fit, and the list stays right.
      expect(ids(list.update(source, [{ type: 'join', member: linus }]).members)).toEqual([
        'alan',
        'grace',
        'linus',
      ])
    })

    it('empties the list for a count-only room, whose events name nobody', () => {
      const list = createMemberList()
      list.update(state([grace, alan]))
      const view = list.update({ ...state([]), mode: 'count', count: 4_812 }, [{ type: 'sync', members: [] }])
      expect(view.members).toEqual([])
      expect(view.counted).toBe(4_812)
    })
  })

  it('a grouped order is by status first even with a custom order', () => {
    const list = createMemberList({ groupByStatus: true, sort: byName })
    const view = list.update(state([linus, ada, grace, alan]))
    for (let i = 1; i < view.members.length; i++) {
      expect(compareStatus(view.members[i - 1]!.status, view.members[i]!.status)).toBeLessThanOrEqual(0)
    }
  })
})
