import type { Member, PresenceStatus } from '@presence-kit/core'
import {
  compareMembers,
  createMemberSearch,
  createSortedMembers,
  getDisplayName,
  type ChunkedList,
  type MemberChanges,
} from '@presence-kit/core/ui'
import { medianMs, report } from '../core/measure.js'
import { seededRandom } from './seeded-random.js'

/**
 * OnlineList's search while presence events arrive: the kit's incremental filter (a commit re-tests
 * only the members it names) against a full re-filter of the sorted list on every commit, folding
 * each name for case and accents as a hand-written filter would. The same 100,000 members, the
 * same query and the same commits of 10 changes (4 joins, 4 leaves, 2 renames). `--quick` runs a
 * small size; its figures are not the ones to quote.
 */
const quick = process.argv.includes('--quick')
const size = quick ? 10_000 : 100_000
const runs = quick ? 5 : 31
const QUERY = 'élo'
const NAMES = ['Ada', 'Élodie', 'Zoë', 'Grace', 'Linus', 'Alan', 'Ångström', 'Ana', 'Chloé', 'Bob']
const STATUSES: readonly PresenceStatus[] = ['active', 'idle', 'away']

function member(index: number, name = `${NAMES[(index * 7) % NAMES.length]} ${index}`): Member {
  return {
    userId: `user-${index}`,
    data: {},
    connections: [],
    status: STATUSES[index % 3]!,
    isSelf: false,
    info: { name },
    joinedAt: 0,
    leftAt: undefined,
  }
}

const start: readonly Member[] = Array.from({ length: size }, (_, index) => member(index))
const sorter = createSortedMembers<Member>(compareMembers)
const sortedStart = sorter.update(start)

interface Commit {
  /** The list as the kit's sorter keeps it (in chunks). */
  readonly sorted: ChunkedList<Member>
  /** The same list as one array, for the peers (made before any timing). */
  readonly sortedArray: readonly Member[]
  readonly changes: MemberChanges<Member>
  readonly undo: MemberChanges<Member>
}

function makeCommit(seed: number): Commit {
  const next = seededRandom(seed)
  const after = [...start]
  const removed: Member[] = []
  const updated: [Member, Member][] = []
  for (let i = 0; i < 4; i++) removed.push(after.splice(Math.floor(next() * after.length), 1)[0]!)
  for (let i = 0; i < 2; i++) {
    const at = Math.floor(next() * after.length)
    const previous = after[at]!
    after[at] = member(Number(previous.userId.slice(5)), `Élodie ${seed}-${i}`)
    updated.push([previous, after[at]!])
  }
  const added = Array.from({ length: 4 }, (_, i) => member(size + seed * 10 + i))
  after.push(...added)
  const changes = { added, removed, updated }
  const undo = { added: removed, removed: added, updated: updated.map(([a, b]) => [b, a] as const) }
  const sorted = sorter.update(after, changes)
  sorter.update(start, undo)
  return { sorted, sortedArray: sorted.toArray(), changes, undo }
}

const commits = Array.from({ length: runs }, (_, run) => makeCommit(run + 1))

// The kit: one filter, fed each commit's changes; each timed commit is undone (untimed) after.
const search = createMemberSearch()
search.setQuery(QUERY)
const filter = search.createFilter<Member>(compareMembers)
filter.update(sortedStart)
let run = 0
let pending: Commit | undefined
const kit = medianMs(runs, () => {
  if (pending !== undefined) filter.update(sortedStart, pending.undo)
  const commit = commits[run++ % runs]!
  pending = commit
  return () => filter.update(commit.sorted, commit.changes)
})
const testedPerCommit = (() => {
  if (pending !== undefined) filter.update(sortedStart, pending.undo)
  const before = search.tested
  filter.update(commits[0]!.sorted, commits[0]!.changes)
  const tested = search.tested - before
  filter.update(sortedStart, commits[0]!.undo)
  return tested
})()

// The peer: the whole sorted list filtered again on every commit.
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
const needle = fold(QUERY)
const naiveFilter = (sorted: readonly Member[]) =>
  sorted.filter((each) => fold(getDisplayName(each)).includes(needle))
run = 0
const naive = medianMs(runs, () => {
  const commit = commits[run++ % runs]!
  return () => naiveFilter(commit.sortedArray)
})

// A smarter peer: the whole list filtered again, with each member's folded name kept from before.
const folded = new WeakMap<Member, string>()
const cachedFilter = (sorted: readonly Member[]) =>
  sorted.filter((each) => {
    let name = folded.get(each)
    if (name === undefined) folded.set(each, (name = fold(getDisplayName(each))))
    return name.includes(needle)
  })
cachedFilter(sortedStart.toArray())
run = 0
const cached = medianMs(runs, () => {
  const commit = commits[run++ % runs]!
  return () => cachedFilter(commit.sortedArray)
})

// Both sides must show the same members, or the figures compare different work.
for (const commit of commits.slice(0, 3)) {
  const kitShown = filter.update(commit.sorted, commit.changes)
  const naiveShown = naiveFilter(commit.sortedArray)
  filter.update(sortedStart, commit.undo)
  if (cachedFilter(commit.sortedArray).length !== naiveShown.length) process.exit(1)
  if (
    kitShown.length !== naiveShown.length ||
    naiveShown.some((item, index) => item !== kitShown.at(index))
  ) {
    console.error('member-search bench: the incremental filter differs from a full re-filter')
    process.exit(1)
  }
}

console.log(
  `members tested per commit of 10 changes: ${testedPerCommit} (a full re-filter tests ${size.toLocaleString('en')})`,
)
report(
  `search filter while events arrive (${size.toLocaleString('en')} members, 10 changes)`,
  kit,
  'full re-filter',
  naive,
  'ms',
  false,
)
report(
  `search filter while events arrive (${size.toLocaleString('en')} members, 10 changes)`,
  kit,
  'full re-filter, names folded once',
  cached,
  'ms',
  false,
)
