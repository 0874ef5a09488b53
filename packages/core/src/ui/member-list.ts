import { functionOr } from './function-or.js'
import type { PresenceObject } from '../register.js'
import type { PresenceEvent } from '../events.js'
import type { Member } from '../types.js'
import { getMemberListLayout, type MemberListLayout } from './list-layout.js'
import { getMemberChanges } from './member-changes.js'
import { createMemberComparator } from './member-order.js'
import type { MemberSearch } from './member-search.js'
import { createSortedMembers, type MemberChanges } from './sorted-members.js'
import { joinSequences, type OrderedMembers } from './chunked-list.js'
import { compareStatus } from './status.js'
import { getCountOnly } from './count-only.js'

/** Options of `createMemberList`: the props of an online list or an avatar stack. */
export interface MemberListOptions<M> {
  /**
   * The member order.
   * @default compareMembers (self first, then status, then name)
   */
  readonly sort?: ((a: M, b: M) => number) | undefined
  /** @default true */
  readonly includeSelf?: boolean | undefined
  /**
   * Append the members who left recently (`RoomState.recentlyLeft`), status `offline`.
   * @default false
   */
  readonly showRecentlyLeft?: boolean | undefined
  /**
   * Order by status first (then by `sort`), and lay out a header row per status.
   * @default false
   */
  readonly groupByStatus?: boolean | undefined
  /** Show only the members matching this search's query (`createMemberSearch`). */
  readonly search?: MemberSearch | undefined
}

/** The part of a room's state a member list reads. */
export interface MemberListSource<M> {
  readonly members: readonly M[]
  readonly recentlyLeft: readonly M[]
  readonly synced: boolean
  /** True while reconnecting: the members are the last known roster. */
  readonly stale?: boolean | undefined
  /** `count` for a room too big to list (see `RoomState.mode`): `count` is then shown instead. */
  readonly mode?: 'list' | 'count' | undefined
  /** How many `members` there are (or, in `count` mode, users in the room). */
  readonly count?: number | undefined
  /** The local user, when among `members`. */
  readonly self?: M | undefined
}

/** What a member list shows after a commit; the same object until something in it changes. */
export interface MemberListView<M> extends MemberListLayout {
  /**
   * The members in display order, read by position (`at`, `length`) without a copy: what a list
   * of 100,000 members should read on each commit.
   */
  readonly ordered: OrderedMembers<M>
  /** The same members as one array, built when first read (a copy of the whole list). */
  readonly members: readonly M[]
  /** False until the room's first roster arrived. */
  readonly synced: boolean
  /** True while reconnecting: the members are the last known roster, not live. */
  readonly stale: boolean
  /** A count-only room's number of users, shown instead of members; undefined for a listed room. */
  readonly counted: number | undefined
}

/** A member list kept in display order across commits. */
export interface MemberList<M> {
  /**
   * The view of `state`. Pass the events of the commit that produced it (a `change` event's
   * `events`) so that only the members they name are re-placed; without them, the lists are
   * compared member by member.
   */
  update(state: MemberListSource<M>, events?: readonly PresenceEvent<PresenceObject>[]): MemberListView<M>
}

type ListMember = Member<PresenceObject>

/**
 * The display list of an online list or an avatar stack over a room of up to 100,000 members:
 * filtered (self, recently left), ordered with `createSortedMembers` so a commit of k changes costs
 * O(k log n) comparisons, and laid out with status groups when asked.
 */
export function createMemberList<M extends ListMember = Member>(
  options: MemberListOptions<M> = {},
): MemberList<M> {
  const { includeSelf = true, showRecentlyLeft, groupByStatus } = options
  const sort =
    functionOr<((a: M, b: M) => number) | undefined>(options.sort, undefined) ?? createMemberComparator()
  const order = groupByStatus ? (a: M, b: M) => compareStatus(a.status, b.status) || sort(a, b) : sort
  const keep = (member: M) => includeSelf || !member.isSelf
  const present = createSortedMembers<M>(order)
  const left = createSortedMembers<M>(order)
  // Filters get the changes the sorted list got, so that a commit re-tests only the members it names.
  const matchingPresent = options.search?.createFilter(order)
  const matchingLeft = options.search?.createFilter(order)
  let lastMembers: readonly M[] | undefined
  let lastPresent: OrderedMembers<M> | undefined
  let lastLeft: OrderedMembers<M> | undefined
  let view: MemberListView<M> | undefined

  function update(
    state: MemberListSource<M>,
    events?: readonly PresenceEvent<PresenceObject>[],
  ): MemberListView<M> {
    let kept: MemberChanges<M> | undefined
    // With a commit's events and its count, `members` is read only when the events do not fit
    // (the same commit given twice, a count-only room): a roster kept in chunks (`bigRoomRoster`)
    // is otherwise never joined into one array.
    const byEvents = events && state.count !== undefined
    if (byEvents || state.members !== lastMembers) {
      const changes = events && (getMemberChanges(events) as unknown as MemberChanges<M>)
      kept = changes && {
        added: changes.added.filter(keep),
        removed: changes.removed.filter(keep),
        updated: changes.updated.filter(([before]) => keep(before)),
      }
      // The roster itself when nothing is filtered out: lists of one room then share a full sort.
      const shown = () => (includeSelf ? state.members : state.members.filter(keep))
      if (byEvents) present.update(shown, kept, state.count! - +(!includeSelf && !!state.self))
      else present.update((lastMembers = state.members) && shown(), kept)
    }
    // Unchanged lists come back as the same objects, so the view is kept while nothing moved.
    let sortedPresent: OrderedMembers<M> = present.current()
    // Without recently left members, `left` stays empty.
    let sortedLeft: OrderedMembers<M> = showRecentlyLeft
      ? left.update(state.recentlyLeft.filter(keep))
      : left.current()
    if (matchingPresent) {
      sortedPresent = matchingPresent.update(sortedPresent, kept)
      sortedLeft = matchingLeft!.update(sortedLeft)
    }
    const stale = state.stale === true
    const counted = getCountOnly(state)
    if (
      !view ||
      view.synced !== state.synced ||
      view.stale !== stale ||
      view.counted !== counted ||
      sortedPresent !== lastPresent ||
      sortedLeft !== lastLeft
    ) {
      lastPresent = sortedPresent
      lastLeft = sortedLeft
      const ordered = sortedLeft.length === 0 ? sortedPresent : joinSequences(sortedPresent, sortedLeft)
      view = {
        ...getMemberListLayout(ordered, groupByStatus ?? false),
        ordered,
        get members() {
          return ordered.toArray()
        },
        synced: state.synced,
        stale,
        counted,
      }
    }
    return view!
  }

  return { update }
}
