import { cached } from './cached.js'
import { getDisplayName, type NameableMember } from './display-name.js'
import { chunkSorted, type ChunkedList, type OrderedMembers } from './chunked-list.js'
import { withUserIdTieBreak, type MemberChanges } from './sorted-members.js'

/** A member the search can read: its name and its user id (the order's tie-break). */
export type SearchableMember = NameableMember & { readonly userId: string }

/** Options of `createMemberSearch`. */
export interface MemberSearchOptions {
  /**
   * The text a member is found by.
   * @default getDisplayName
   */
  readonly text?: ((member: SearchableMember) => string) | undefined
}

/**
 * One sorted list's matches, kept across updates. `sorted` is the whole list in its order; pass the
 * `changes` that led from the previous `sorted` to this one when they are known, so that only the
 * members they name are tested.
 */
export interface MemberFilter<M> {
  update(sorted: OrderedMembers<M>, changes?: MemberChanges<M>): OrderedMembers<M>
}

/**
 * The query of one list's search box and the matching it stands for. Give it to one list (its
 * `search` prop, or `createMemberList`'s `search` option).
 */
export interface MemberSearch {
  /** The query as typed. */
  readonly query: string
  setQuery(query: string): void
  /** Runs when the query changes. */
  subscribe(listener: () => void): () => void
  /**
   * How many times a member was tested against a query, since the search was made: a presence
   * event tests only the members it names, and a longer query only the previous matches.
   */
  readonly tested: number
  /** The filter of one list in the order `compare` (ties broken by user id, as the list does). */
  createFilter<M extends SearchableMember>(compare: (a: M, b: M) => number): MemberFilter<M>
}

/** Lower case without accents, so that "élodie" finds "Elodie" and "ELODIE". */
export function foldSearchText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}

/**
 * The search of an online list: members whose name holds the query, ignoring case and accents.
 * Built for 100,000 members: a member's folded name is computed once per member object, a commit
 * re-tests only the members it changed, and a query that extends the previous one narrows the
 * previous matches instead of the whole list.
 */
export function createMemberSearch(options: MemberSearchOptions = {}): MemberSearch {
  const text = options.text ?? getDisplayName
  const listeners = new Set<() => void>()
  const folded = new WeakMap<object, string>()
  let query = ''
  let needle = ''
  let tested = 0

  const matches = (member: SearchableMember) => {
    tested++
    return cached(folded, member, () => foldSearchText(text(member))).includes(needle)
  }

  return {
    get query() {
      return query
    },
    get tested() {
      return tested
    },
    setQuery(next) {
      if (next === query) return
      query = next
      needle = foldSearchText(next.trim())
      for (const listener of Array.from(listeners)) listener()
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    createFilter<M extends SearchableMember>(compare: (a: M, b: M) => number): MemberFilter<M> {
      const order = withUserIdTieBreak(compare)
      let lastSorted: OrderedMembers<M> | undefined
      let lastNeedle = ''
      let shown: OrderedMembers<M> = chunkSorted([], order)
      // Matching reads every member, so it works on the list as one array (built once per list).
      const filtered = (list: OrderedMembers<M>) => chunkSorted(list.toArray().filter(matches), order)

      const update = (sorted: OrderedMembers<M>, changes?: MemberChanges<M>): OrderedMembers<M> => {
        if (needle === '') shown = sorted
        else if (sorted === lastSorted) {
          // Same members, new query: a longer one can only drop some of the previous matches.
          if (needle !== lastNeedle) shown = filtered(needle.includes(lastNeedle) ? shown : sorted)
        } else if (changes !== undefined && lastSorted !== undefined && needle === lastNeedle) {
          shown = patchMatches(shown as ChunkedList<M>, changes) ?? filtered(sorted)
        } else shown = filtered(sorted)
        lastSorted = sorted
        lastNeedle = needle
        return shown
      }

      // The previous matches with the leaving members out and the arriving ones that match in. A
      // leaving member is among them if it matched when it arrived (its folded name is kept), so
      // only arriving members are tested.
      const wasShown = (member: M) => folded.get(member)?.includes(needle) === true
      const patchMatches = (previous: ChunkedList<M>, changes: MemberChanges<M>) => {
        const removed = [...changes.removed, ...changes.updated.map(([before]) => before)].filter(wasShown)
        const added = [...changes.added, ...changes.updated.map(([, after]) => after)].filter(matches)
        return removed.length + added.length === 0
          ? previous
          : previous.patch({ added, removed, updated: [] })
      }

      return { update }
    },
  }
}
