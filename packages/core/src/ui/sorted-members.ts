import { chunkSorted, type ChunkedList } from './chunked-list.js'
import { compareUserIds } from './member-order.js'

/** What changed between two member lists, as the store knows it after a commit. */
export interface MemberChanges<M> {
  readonly added: readonly M[]
  readonly removed: readonly M[]
  /** Members whose object changed (data, status, info), as [previous object, next object]. */
  readonly updated: readonly (readonly [previous: M, next: M])[]
}

/** A member list kept sorted across updates. */
export interface SortedMembers<M> {
  /**
   * The sorted `next`. Pass `changes` when they are known (they must describe `next` against the
   * previous `next` exactly); without them, the lists are diffed by object identity per user id.
   * Returns the previous list when `next` is the previous array or nothing changed.
   *
   * With `changes`, `next` may be a function that returns the list, with its `length`: it is then
   * called only when the changes do not fit, so a commit never copies a roster it does not need.
   */
  update(next: readonly M[], changes?: MemberChanges<M>): ChunkedList<M>
  update(next: () => readonly M[], changes: MemberChanges<M> | undefined, length: number): ChunkedList<M>
  /** The last sorted list (empty before the first update). */
  current(): ChunkedList<M>
}

type Order<M> = (a: M, b: M) => number

// The last full sort of each list, by its order: an avatar stack and an online list of one room,
// in the same order, then sort its 100,000 members once between them. A sorted list is never
// changed in place (a patch makes a new one), so sharing it is safe.
const fullSorts = new WeakMap<object, readonly [Order<never>, ChunkedList<unknown>]>()

// Past this share of the list, patching stops paying for its bookkeeping and a full sort is simpler.
const FULL_SORT_RATIO = 0.05
// Small batches are patched even in short lists, where 5% would be a single member.
const ALWAYS_PATCH_UP_TO = 32

/**
 * Keeps a large member list (100,000 members) sorted without a full sort on every change: removed and
 * changed members are found by binary search and the new or changed ones inserted where they go, in
 * a list kept in chunks, so one update of k changes costs O(k log n) comparisons and copies only
 * the chunks it touches (a new list each time, so that a list handed out before is never changed
 * under its reader).
 *
 * The result always equals `[...next].sort(compare)` with ties broken by user id (so exactly that
 * when `compare` already ends with the user id, as `compareMembers` does). `compare` must be pure:
 * the same two members always compare the same. User ids must be unique in `next`; when they are
 * not, it falls back to a full sort, as it does when `changes` name a member the list does not
 * hold or leave it at another length than `next`. It keeps no index of the members beside the
 * sorted chunks (a 100,000-entry map per list), so `changes` are trusted otherwise.
 */
export function createSortedMembers<M extends { readonly userId: string }>(
  compare: Order<M>,
): SortedMembers<M> {
  const order = withUserIdTieBreak(compare)
  let input: unknown
  let sorted = chunkSorted<M>([], order)

  function sortFully(next: readonly M[]): ChunkedList<M> {
    input = next
    let shared = fullSorts.get(next)
    // A length that moved means the array was changed in place since: it is sorted again.
    if (shared?.[0] !== compare || shared[1].length !== next.length)
      fullSorts.set(next, (shared = [compare, chunkSorted(next.toSorted(order), order)]))
    return (sorted = shared[1] as ChunkedList<M>)
  }

  function update(
    next: readonly M[] | (() => readonly M[]),
    changes?: MemberChanges<M>,
    length = (next as readonly M[]).length,
  ): ChunkedList<M> {
    if (next === input) return sorted
    const list = () => (typeof next === 'function' ? next() : next)
    const resolved = input === undefined ? undefined : (changes ?? diffByIdentity(sorted.toArray(), list()))
    if (resolved === undefined) return sortFully(list())
    const changeCount = resolved.added.length + resolved.removed.length + resolved.updated.length
    // Changes that do not fit the list (a member to remove that is not there, one added twice)
    // fail the patch or its length check: the list is then rebuilt from `next` itself.
    const patched =
      changeCount > Math.max(ALWAYS_PATCH_UP_TO, length * FULL_SORT_RATIO)
        ? undefined
        : changeCount === 0
          ? sorted
          : sorted.patch(resolved)
    if (patched === undefined || patched.length !== length) return sortFully(list())
    input = next
    return (sorted = patched)
  }

  return { update: update as SortedMembers<M>['update'], current: () => sorted }
}

/** `compare`, with ties broken by user id: the total order `createSortedMembers` keeps. */
export function withUserIdTieBreak<M extends { readonly userId: string }>(compare: Order<M>): Order<M> {
  return (a, b) => compare(a, b) || compareUserIds(a.userId, b.userId)
}

function indexById<M extends { readonly userId: string }>(members: readonly M[]): Map<string, M> | undefined {
  const byId = new Map<string, M>()
  for (const member of members) {
    if (byId.has(member.userId)) return undefined
    byId.set(member.userId, member)
  }
  return byId
}

/** What changed from `previous` to `next`, by object identity per user id; undefined when an id repeats. */
function diffByIdentity<M extends { readonly userId: string }>(
  previous: readonly M[],
  next: readonly M[],
): MemberChanges<M> | undefined {
  const previousById = indexById(previous)
  const nextById = indexById(next)
  if (previousById === undefined || nextById === undefined) return undefined
  return {
    added: next.filter((member) => !previousById.has(member.userId)),
    removed: previous.filter((member) => !nextById.has(member.userId)),
    updated: next.flatMap((member) => {
      const before = previousById.get(member.userId)
      return before === undefined || before === member ? [] : [[before, member] as const]
    }),
  }
}
