import type { Member, PresenceStatus } from '../types.js'
import type { PresenceObject } from '../register.js'
import { cached } from './cached.js'
import { getDisplayName } from './display-name.js'
import { compareStatus, PRESENCE_STATUSES } from './status.js'

/** What the default member order reads from a member. */
export type SortableMember = Pick<Member<PresenceObject>, 'userId' | 'info' | 'data' | 'status' | 'isSelf'>

/** Options of `compareMembers`. */
export interface CompareMembersOptions {
  /**
   * BCP 47 locale of the name collation. Pass the page's language so that server and browser agree.
   * @default undefined (the runtime's locale)
   */
  readonly locale?: string | undefined
}

function createCollator(locale: string | undefined): Intl.Collator {
  const options: Intl.CollatorOptions = { numeric: true, sensitivity: 'base' }
  try {
    return new Intl.Collator(locale, options)
  } catch {
    // An invalid locale from settings should not break the list; sort with the runtime's rules.
    return new Intl.Collator(undefined, options)
  }
}

// Members are immutable and keep their identity while unchanged, so a member's name can be worked out
// once instead of on each of the many comparisons a sort makes with it.
const displayNames = new WeakMap<object, string>()

function cachedDisplayName(member: SortableMember): string {
  return cached(displayNames, member, getDisplayName)
}

/** Code-unit order: fast, and the same in every locale, which is what a last tie-break needs. */
export function compareUserIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * The default order of member lists: the local user first, then by status (active first), then by
 * display name (locale-aware, numeric, case- and accent-insensitive), then by user id so that the
 * order is total and never depends on input order.
 */
export function compareMembers(
  a: SortableMember,
  b: SortableMember,
  options: CompareMembersOptions = {},
): number {
  return createMemberComparator(options)(a, b)
}

type MemberOrder = (a: SortableMember, b: SortableMember) => number

// Collators are expensive to build and a 100,000-member sort compares ~1.7 million times. One
// comparator per locale also lets lists that order alike share a sort (`createSortedMembers`).
const comparators = new Map<string, MemberOrder>()

/**
 * `compareMembers` with its options bound, for `sortMembers` and `createSortedMembers`: the same
 * function for the same locale.
 */
export function createMemberComparator(options: CompareMembersOptions = {}): MemberOrder {
  return cached(comparators, options.locale ?? '', () => {
    const collator = createCollator(options.locale)
    return (a, b) => compareWith(collator, a, b)
  })
}

function compareWith(collator: Intl.Collator, a: SortableMember, b: SortableMember): number {
  if (a.isSelf !== b.isSelf) return a.isSelf ? -1 : 1
  return (
    compareStatus(a.status, b.status) ||
    collator.compare(cachedDisplayName(a), cachedDisplayName(b)) ||
    compareUserIds(a.userId, b.userId)
  )
}

/** A sorted copy of `members`; the input is left alone. */
export function sortMembers<M extends SortableMember>(
  members: readonly M[],
  compare: (a: M, b: M) => number = compareMembers,
): M[] {
  return members.toSorted(compare)
}

/** One status group of a member list. */
export interface MemberStatusGroup<M> {
  readonly status: PresenceStatus
  readonly members: readonly M[]
  readonly count: number
}

/**
 * Members grouped by status, groups in status order (active first), members in their input order
 * (sort first). Empty groups are left out. A status from bad data counts as `offline`, so that
 * nobody silently disappears from a grouped list.
 */
export function groupMembersByStatus<M extends Pick<Member<PresenceObject>, 'status'>>(
  members: readonly M[],
): MemberStatusGroup<M>[] {
  const byStatus = new Map<PresenceStatus, M[]>(PRESENCE_STATUSES.map((status) => [status, []]))
  for (const member of members) (byStatus.get(member.status) ?? byStatus.get('offline'))?.push(member)
  return PRESENCE_STATUSES.flatMap((status) => {
    const group = byStatus.get(status) ?? []
    return group.length === 0 ? [] : [{ status, members: group, count: group.length }]
  })
}
