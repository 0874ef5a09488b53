import type { Member, PresenceStatus } from '@presence-kit/core'
import {
  compareMembers,
  createMemberList,
  createSortedMembers,
  type MemberChanges,
} from '@presence-kit/core/ui'
import { medianMs, report } from '../core/measure.js'
import { seededRandom } from './seeded-random.js'

/**
 * The incremental sorter against sorting the whole list again (what a hand-written list does on
 * every change), on the same 100,000 members and the same 10 changes (4 joins, 4 leaves, 2 status
 * changes); then a first roster shown by two lists in one order (an avatar stack and an online
 * list) against two full sorts. `--quick` runs small sizes; its figures are not the ones to quote.
 */
const quick = process.argv.includes('--quick')
const size = quick ? 10_000 : 100_000
const runs = quick ? 5 : 31
const STATUSES: readonly PresenceStatus[] = ['active', 'idle', 'away']

function member(index: number, status: PresenceStatus): Member {
  return {
    userId: `user-${index}`,
    data: {},
    connections: [],
    status,
    isSelf: false,
    info: { name: `User ${(index * 7919) % size}` },
    joinedAt: 0,
    leftAt: undefined,
  }
}

interface Case {
  readonly after: readonly Member[]
  readonly changes: MemberChanges<Member>
  /** The changes that lead back from `after` to `before`. */
  readonly undo: MemberChanges<Member>
}

const before: readonly Member[] = Array.from({ length: size }, (_, index) =>
  member(index, STATUSES[index % 3]!),
)

function makeCase(seed: number): Case {
  const next = seededRandom(seed)
  const after = [...before]
  const removed: Member[] = []
  const updated: [Member, Member][] = []
  for (let i = 0; i < 4; i++) {
    const [gone] = after.splice(Math.floor(next() * after.length), 1)
    removed.push(gone!)
  }
  for (let i = 0; i < 2; i++) {
    const at = Math.floor(next() * after.length)
    const previous = after[at]!
    after[at] = { ...previous, status: previous.status === 'active' ? 'away' : 'active' }
    updated.push([previous, after[at]!])
  }
  const added = Array.from({ length: 4 }, (_, i) => member(size + seed * 10 + i, 'active'))
  after.push(...added)
  const undo = {
    added: removed,
    removed: added,
    updated: updated.map(([previous, changed]) => [changed, previous] as const),
  }
  return { after, changes: { added, removed, updated }, undo }
}

const cases = Array.from({ length: runs }, (_, run) => makeCase(run + 1))
// One sorter for every kit run: each timed patch is undone (untimed) before the next, so the runs
// do not each pay a full sort to start from.
const sorter = createSortedMembers(compareMembers)
sorter.update(before)
let run = 0
let pendingUndo: Case | undefined
const kit = medianMs(runs, () => {
  if (pendingUndo !== undefined) sorter.update(before, pendingUndo.undo)
  const current = cases[run++ % runs]!
  pendingUndo = current
  return () => sorter.update(current.after, current.changes)
})
if (pendingUndo !== undefined) sorter.update(before, pendingUndo.undo)
// A full sort of 100,000 members takes seconds here: fewer runs, the same lists.
const peerRuns = Math.min(runs, 7)
run = 0
const fullSort = medianMs(peerRuns, () => {
  const { after } = cases[run++ % peerRuns]!
  return () => after.toSorted(compareMembers)
})

// Both sides must give the same list, or the figures compare different work.
const check = cases[0]!
const patched = sorter.update(check.after, check.changes)
const expected = check.after.toSorted(compareMembers)
if (patched.length !== expected.length || expected.some((item, index) => item !== patched.at(index))) {
  console.error('sorted-members bench: the patched list differs from a full sort')
  process.exit(1)
}

report(`patch (${size.toLocaleString('en')} members, 10 changes)`, kit, 'full sort', fullSort, 'ms', false)

// A room's first roster as a page shows it twice, in an avatar stack and in an online list, both
// in the default order: two member lists (which share one full sort) against two full sorts (two
// components sorting on their own). A fresh roster array each run, as each commit brings one.
const roster = () => ({ members: [...before], recentlyLeft: [], synced: true })
const twoLists = medianMs(peerRuns, () => {
  const state = roster()
  return () => {
    createMemberList().update(state)
    createMemberList().update(state)
  }
})
const twoSorts = medianMs(peerRuns, () => {
  const { members } = roster()
  return () => {
    members.toSorted(compareMembers)
    members.toSorted(compareMembers)
  }
})
const stack = createMemberList().update(roster())
if (stack.ordered.length !== size || stack.ordered.at(0) !== before.toSorted(compareMembers)[0]) {
  console.error('sorted-members bench: the member list differs from a full sort')
  process.exit(1)
}
report(
  `first roster in two lists (${size.toLocaleString('en')} members)`,
  twoLists,
  'two full sorts',
  twoSorts,
  'ms',
  false,
)
