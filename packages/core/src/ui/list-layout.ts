import type { PresenceStatus } from '../types.js'
import type { MemberSequence } from './chunked-list.js'
import { compareStatus } from './status.js'

/** A status group header of a grouped member list. */
export interface MemberListGroup {
  readonly status: PresenceStatus
  readonly count: number
  /** Position of the group's first member in the member list. */
  readonly start: number
  /** Index of the header among the list's items (headers and members). */
  readonly itemIndex: number
}

/** One item of a list: a group header, or the member at `position` of the member list. */
export type MemberListItem =
  | { readonly kind: 'group'; readonly group: MemberListGroup }
  | { readonly kind: 'member'; readonly position: number }

/** How members and group headers are laid out as the rows of one list. */
export interface MemberListLayout {
  /** Headers plus members: the number of rows to virtualize. */
  readonly itemCount: number
  /** Empty when the list is not grouped. */
  readonly groups: readonly MemberListGroup[]
  /** What the row at `index` shows. */
  itemAt(index: number): MemberListItem
  /** The row index of the member at `position`. */
  itemIndexOf(position: number): number
}

// A status no known value matches (bad data, a newer backend) is shown with the offline group,
// where the grouped order puts it too, so that nobody disappears from a grouped list.
function groupStatus(status: PresenceStatus): PresenceStatus {
  return compareStatus(status, 'offline') > 0 ? 'offline' : status
}

/** The first position after `from` whose member's group sorts after `status`. */
function firstAfter(
  members: MemberSequence<{ readonly status: PresenceStatus }>,
  from: number,
  status: PresenceStatus,
): number {
  let low = from
  let high = members.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (compareStatus(groupStatus(members.at(middle)!.status), status) <= 0) low = middle + 1
    else high = middle
  }
  return low
}

/**
 * Lays out members (already in display order, grouped by status when `grouped`) as rows: with
 * groups, a header row before each status's run of members. Rows are described by index, so a
 * 100,000-member list costs one pass and no object per member.
 */
export function getMemberListLayout(
  members: MemberSequence<{ readonly status: PresenceStatus }>,
  grouped: boolean,
): MemberListLayout {
  if (!grouped) {
    return {
      itemCount: members.length,
      groups: [],
      itemAt: (index) => ({ kind: 'member', position: index }),
      itemIndexOf: (position) => position,
    }
  }
  // Grouped lists are ordered by status first, so each group is found by binary search: a commit
  // of a 100,000-member list pays O(log n) here, not a pass over every member.
  const groups: MemberListGroup[] = []
  let start = 0
  while (start < members.length) {
    const status = groupStatus(members.at(start)!.status)
    const end = firstAfter(members, start, status)
    groups.push({ status, count: end - start, start, itemIndex: start + groups.length })
    start = end
  }

  // The group a row or a member falls in: lists have at most a handful of groups.
  const groupOfItem = (index: number): MemberListGroup | undefined => {
    let found: MemberListGroup | undefined
    for (const group of groups) {
      if (group.itemIndex > index) break
      found = group
    }
    return found
  }
  const groupOfMember = (position: number): number => {
    let found = 0
    for (let g = 0; g < groups.length; g++) if (groups[g]!.start <= position) found = g
    return found
  }
  return {
    itemCount: members.length + groups.length,
    groups,
    itemAt(index) {
      const group = groupOfItem(index)
      if (group === undefined) return { kind: 'member', position: index }
      if (group.itemIndex === index) return { kind: 'group', group }
      return { kind: 'member', position: group.start + (index - group.itemIndex - 1) }
    },
    itemIndexOf: (position) => position + groupOfMember(position) + 1,
  }
}
