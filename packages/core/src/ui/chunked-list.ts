import type { MemberChanges } from './sorted-members.js'

/**
 * Members read by position: `length` and `at`. An array is one; so is a member list's order,
 * which is kept in chunks and read without copying it into one array.
 */
export interface MemberSequence<M> {
  readonly length: number
  /** The member at `position` (0 to `length - 1`), else undefined. */
  at(position: number): M | undefined
}

/** Members in order, read by position, or as one array when a whole copy is what is needed. */
export interface OrderedMembers<M> extends MemberSequence<M> {
  /** The members as one array, built on the first call and kept. */
  toArray(): readonly M[]
}

/** A sorted list kept in chunks: applying a commit's changes copies only the chunks they touch. */
export interface ChunkedList<M> extends OrderedMembers<M> {
  /** A new list with `changes` applied, or undefined when a member to remove is not in this one. */
  patch(changes: MemberChanges<M>): ChunkedList<M> | undefined
}

type Order<M> = (a: M, b: M) => number

// Why chunks: in a browser, an array of 100,000 members (800 KB) is too big for the young
// generation, so a copy per commit piles up garbage that only a full collection frees, and the page
// stalls for it. A 512-member chunk (4 KB) is collected young and cheaply.
const CHUNK = 512

/** `first` then `second`, read by position without joining them. */
export function joinSequences<M>(first: OrderedMembers<M>, second: OrderedMembers<M>): OrderedMembers<M> {
  let array: readonly M[] | undefined
  return {
    length: first.length + second.length,
    at: (position) => (position < first.length ? first.at(position) : second.at(position - first.length)),
    toArray: () => (array ??= first.toArray().concat(second.toArray())),
  }
}

/** `sorted` (already in `order`, a total order) as a chunked list; `size` is for tests. */
export function chunkSorted<M>(sorted: readonly M[], order: Order<M>, size = CHUNK): ChunkedList<M> {
  const chunks: M[][] = []
  for (let start = 0; start < sorted.length;) chunks.push(sorted.slice(start, (start += size)))
  return fromChunks(chunks, order, size)
}

/** The first index whose item does not sort before `target`. */
export function lowerBound<T, K = T>(
  items: readonly T[],
  target: K,
  order: (item: T, target: K) => number,
): number {
  let low = 0
  let high = items.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (order(items[middle]!, target) < 0) low = middle + 1
    else high = middle
  }
  return low
}

function fromChunks<M>(chunks: readonly (readonly M[])[], order: Order<M>, size: number): ChunkedList<M> {
  // starts[c] is the position of chunk c's first member; the last entry is the length.
  const starts = [0]
  for (const chunk of chunks) starts.push(starts.at(-1)! + chunk.length)
  const length = starts.at(-1)!
  let array: readonly M[] | undefined

  return {
    length,
    at(position) {
      if (!(position >= 0 && position < length)) return undefined
      // The last chunk that starts at or before `position`.
      const chunk = lowerBound(starts, position + 1, (start, target) => start - target) - 1
      return chunks[chunk]![position - starts[chunk]!]
    },
    toArray: () => (array ??= chunks.flat() as M[]),
    patch(changes) {
      const next = chunks.slice()
      // Chunks this patch made: changed in place, since no list handed out holds them yet.
      const own = new Set<readonly M[]>()
      // A chunk handed out before is copied (4 KB) once, changed as it is copied; a copy is changed
      // in place.
      const edit = (member: M, remove: boolean) => {
        // The first chunk whose last member does not sort before this one, else the last chunk
        // (0 in a list with none).
        const index = Math.max(
          0,
          Math.min(
            lowerBound(next, member, (chunk, target) => order(chunk.at(-1)!, target)),
            next.length - 1,
          ),
        )
        let chunk = (next[index] ?? []) as M[]
        const at = lowerBound(chunk, member, order)
        if (remove && chunk[at] !== member) return false
        const change: [number, number, ...M[]] = remove ? [at, 1] : [at, 0, member]
        if (own.has(chunk)) chunk.splice(...change)
        else own.add((chunk = chunk.toSpliced(...change)))
        // A chunk grown to twice the size is split; an emptied one goes.
        if (chunk.length > 0 && chunk.length < 2 * size) next[index] = chunk
        else next.splice(index, 1, ...(chunk.length > 0 ? [chunk.slice(0, size), chunk.slice(size)] : []))
        return true
      }
      for (const member of [...changes.removed, ...changes.updated.map(([before]) => before)]) {
        if (!edit(member, true)) return undefined
      }
      for (const member of [...changes.added, ...changes.updated.map(([, after]) => after)])
        edit(member, false)
      return fromChunks(next, order, size)
    },
  }
}

/** The first `count` members of a sequence as an array: what a stack of avatars reads of a roster. */
export function firstMembers<M>(sequence: MemberSequence<M>, count: number): M[] {
  return Array.from({ length: Math.min(count, sequence.length) }, (_, position) => sequence.at(position)!)
}
