import { describe, expect, it } from 'vitest'
import type { PresenceEvent } from '../../src/events.js'
import type { Member } from '../../src/types.js'
import {
  connectListSearch,
  createMemberList,
  createMemberSearch,
  foldSearchText,
  getDisplayName,
} from '../../src/ui/index.js'
import { makeMember } from './make-member.js'

const state = (members: readonly Member[], recentlyLeft: readonly Member[] = []) => ({
  members,
  recentlyLeft,
  synced: true,
})
const ids = (members: readonly Member[]) => members.map((member) => member.userId)
const NAMES = ['Ada', 'Élodie', 'Zoë', 'Grace', 'Linus', 'Alan', 'Ångström', 'Ana', 'Bob', 'Chloé']

/** `count` members named from NAMES with a number, so that a query matches a known share. */
function crowd(count: number): Member[] {
  return Array.from({ length: count }, (_, index) =>
    makeMember(`user-${index}`, { name: `${NAMES[index % NAMES.length]} ${index}` }),
  )
}

/** What a full, naive re-filter of the sorted list shows: the reference the search must equal. */
function naive(sorted: readonly Member[], query: string): string[] {
  const needle = foldSearchText(query.trim())
  return ids(sorted.filter((member) => foldSearchText(getDisplayName(member)).includes(needle)))
}

describe('createMemberSearch', () => {
  it('folds case and accents, so a query finds a name however either is written', () => {
    const search = createMemberSearch()
    const list = createMemberList({ search })
    const members = crowd(10)
    list.update(state(members))
    search.setQuery('elodie')
    expect(ids(list.update(state(members)).members)).toEqual(['user-1'])
    search.setQuery('ZOE')
    expect(ids(list.update(state(members)).members)).toEqual(['user-2'])
    search.setQuery('angstrom')
    expect(ids(list.update(state(members)).members)).toEqual(['user-6'])
    search.setQuery('  chloé  ')
    expect(ids(list.update(state(members)).members)).toEqual(['user-9'])
  })

  it('shows everyone for an empty query, and tells its listeners when the query changes', () => {
    const search = createMemberSearch()
    const heard: string[] = []
    const stop = search.subscribe(() => heard.push(search.query))
    const list = createMemberList({ search })
    const members = crowd(5)
    expect(list.update(state(members)).members).toHaveLength(5)
    search.setQuery('a')
    search.setQuery('a')
    search.setQuery('')
    stop()
    search.setQuery('linus')
    expect(heard).toEqual(['a', ''])
    expect(list.update(state(members)).members).toEqual([members[4]])
  })

  it('re-tests only the members a commit names, at 10,000 members', () => {
    const search = createMemberSearch()
    const list = createMemberList({ search })
    let members = crowd(10_000)
    list.update(state(members))
    search.setQuery('ana')
    let view = list.update(state(members))
    expect(view.members).toHaveLength(1_000)

    const joined = makeMember('new-ana', { name: 'Anaïs' })
    const renamedBefore = members[1]!
    const renamedAfter = makeMember(renamedBefore.userId, { name: 'Anabel' })
    const left = members[7]!
    members = [
      ...members.filter((member) => member !== left && member !== renamedBefore),
      renamedAfter,
      joined,
    ]
    const events: PresenceEvent[] = [
      { type: 'join', member: joined },
      { type: 'update', member: renamedAfter, previous: renamedBefore },
      { type: 'leave', member: { ...left, status: 'offline' }, previous: left },
    ]
    const before = search.tested
    view = list.update(state(members), events)
    // The one who joined and the renamed one: nobody else.
    expect(search.tested - before).toBe(2)
    expect(ids(view.members)).toEqual(naive(createMemberList().update(state(members)).members, 'ana'))
    expect(ids(view.members)).toContain('new-ana')
    expect(ids(view.members)).toContain(renamedAfter.userId)
    expect(ids(view.members)).not.toContain(left.userId)
  })

  it('narrows the previous matches when the query extends, and widens from everyone', () => {
    const search = createMemberSearch()
    const list = createMemberList({ search })
    const members = crowd(10_000)
    const sorted = list.update(state(members)).members
    search.setQuery('a')
    const wide = list.update(state(members)).members
    expect(ids(wide)).toEqual(naive(sorted, 'a'))

    let before = search.tested
    search.setQuery('al')
    const narrow = list.update(state(members)).members
    expect(search.tested - before).toBe(wide.length)
    expect(ids(narrow)).toEqual(naive(sorted, 'al'))

    before = search.tested
    search.setQuery('a')
    expect(ids(list.update(state(members)).members)).toEqual(naive(sorted, 'a'))
    expect(search.tested - before).toBe(members.length)
  })

  it('matches the naive re-filter over random commits and queries', () => {
    const search = createMemberSearch()
    const list = createMemberList({ search, showRecentlyLeft: true })
    const reference = createMemberList({ showRecentlyLeft: true })
    let members = crowd(300)
    let next = 1_000
    let seed = 7
    const random = (below: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
      return seed % below
    }
    list.update(state(members))
    const queries = ['', 'a', 'an', 'ana', 'l', 'lo', 'zo', 'é', '1', '12']
    for (let step = 0; step < 200; step++) {
      const events: PresenceEvent[] = []
      for (let change = random(4); change > 0; change--) {
        const kind = random(3)
        if (kind === 0) {
          const joined = makeMember(`user-${next}`, { name: `${NAMES[next % NAMES.length]} ${next}` })
          next++
          members = [...members, joined]
          events.push({ type: 'join', member: joined })
        } else if (members.length > 0) {
          const target = members[random(members.length)]!
          if (kind === 1) {
            members = members.filter((member) => member !== target)
            events.push({ type: 'leave', member: { ...target, status: 'offline' }, previous: target })
          } else {
            const after = makeMember(target.userId, { name: NAMES[random(NAMES.length)]!, status: 'idle' })
            members = members.map((member) => (member === target ? after : member))
            events.push({ type: 'update', member: after, previous: target })
          }
        }
      }
      if (random(4) === 0) search.setQuery(queries[random(queries.length)]!)
      const shown = list.update(state(members), events).members
      const all = reference.update(state(members), events).members
      expect(ids(shown)).toEqual(naive(all, search.query))
    }
  })
})

function keyEvent(key: string) {
  const calls: string[] = []
  return {
    calls,
    event: { key, preventDefault: () => calls.push('prevent'), stopPropagation: () => calls.push('stop') },
  }
}

describe('connectListSearch', () => {
  it('sets the query as typed, clears it on Escape, and moves into the list on ArrowDown', () => {
    const search = createMemberSearch()
    let entered = 0
    const context = { count: 3, listId: 'list', focusList: () => entered++ }
    const input = connectListSearch(search, context).inputProps() as Record<string, (event: unknown) => void>
    input['onInput']!({ currentTarget: { value: 'ad' } })
    expect(search.query).toBe('ad')
    const escape = keyEvent('Escape')
    input['onKeydown']!(escape.event)
    expect(search.query).toBe('')
    expect(escape.calls).toEqual(['prevent', 'stop'])
    // An empty box leaves Escape to whatever is around the list.
    const second = keyEvent('Escape')
    input['onKeydown']!(second.event)
    expect(second.calls).toEqual([])
    input['onKeydown']!(keyEvent('ArrowDown').event)
    expect(entered).toBe(1)
  })

  it('says the count of matches only while there is a query, in the given words', () => {
    const search = createMemberSearch()
    const context = { count: 1_234, listId: 'list', focusList: () => undefined }
    expect(connectListSearch(search, context).status).toBe('')
    search.setQuery('a')
    expect(connectListSearch(search, context).status).toBe('1,234 matches')
    expect(connectListSearch(search, { ...context, count: 1 }).status).toBe('1 match')
    expect(connectListSearch(search, { ...context, count: 0 }).status).toBe('No matches')
    const api = connectListSearch(search, context, {
      matches: (count) => `${count} trouvés`,
      label: 'Chercher',
    })
    expect(api.status).toBe('1234 trouvés')
    expect(api.inputProps()).toMatchObject({
      'aria-label': 'Chercher',
      'aria-controls': 'list',
      type: 'search',
    })
  })

  it('reserves room for every count up to the widest it was given, in the given words', () => {
    const search = createMemberSearch()
    const context = { count: 12, listId: 'list', focusList: () => undefined }
    // The box has shown 1,234 members: any count of matches up to that fits in the reserve.
    expect(connectListSearch(search, context, {}, 'en', 1_234).reserve).toBe(
      'No matches\n1 match\n9,999 matches',
    )
    // Never narrower than the count shown now; words and digits from the messages and locale.
    const french = connectListSearch(
      search,
      { ...context, count: 99 },
      { matches: (_, n) => `${n} trouvés` },
      'fr',
    )
    expect(french.reserve).toBe('0 trouvés\n1 trouvés\n99 trouvés')
    expect(connectListSearch(search, { ...context, count: 0 }, {}, 'en', 0).reserve).toBe(
      'No matches\n1 match\n9 matches',
    )
  })
})
