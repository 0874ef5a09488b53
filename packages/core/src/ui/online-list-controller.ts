import type { PresenceStatus } from '../types.js'
import type { MemberSequence } from './chunked-list.js'
import { getNextListIndex, isListNavigationKey } from './list-navigation.js'

/** What the list controller reads of a member. */
export interface ListMember {
  readonly userId: string
  readonly status: PresenceStatus
  readonly isSelf: boolean
}

/** The part of a keyboard event the controllers read: React's and the DOM's both fit. */
export interface KeyInput {
  readonly key: string
  preventDefault(): void
  stopPropagation(): void
}

/** What `connectOnlineList` is told on each render. */
export interface OnlineListContext<M extends ListMember> {
  /** The members in display order (an array, or a member list view's `ordered`). */
  readonly members: MemberSequence<M>
  readonly synced: boolean
  /** True while reconnecting: the rows are the last known roster, dimmed and described as such. */
  readonly stale?: boolean | undefined
  /** The list's accessible name. */
  readonly label: string
  /** A page-unique prefix for option ids. */
  readonly baseId: string
  /** Height of one row and of the viewport, in px, for PageUp and PageDown. */
  readonly rowHeight: number
  readonly viewportHeight: number
  /** A member was picked: Enter or Space on the active row, or a click on a row. */
  readonly onSelect: (member: M) => void
  /** Bring the member at `position` into view (the virtualizer's job). */
  readonly scrollTo: (position: number) => void
}

/**
 * The state of one list: its active member, by user id so it stays active while others join and
 * leave around it. `notify` runs when it changes, for the framework to render again.
 */
export interface OnlineListMachine {
  readonly activeUserId: string | undefined
  /** Where the active member was last seen, to find it again without a search in most cases. */
  positionIn(members: MemberSequence<ListMember>): number
  activate(members: MemberSequence<ListMember>, position: number): boolean
}

/**
 * Where `userId` is in `members`, searched outwards from `hint`: a commit moves a member by at most
 * as many places as it has changes, so it is found within a few steps. -1 when it is not there.
 */
function findPosition(members: MemberSequence<ListMember>, userId: string, hint: number): number {
  for (let distance = 0; distance <= hint || hint + distance < members.length; distance++) {
    for (const position of [hint - distance, hint + distance]) {
      if (position >= 0 && members.at(position)?.userId === userId) return position
    }
  }
  return -1
}

export function createOnlineListMachine(notify: () => void): OnlineListMachine {
  let activeUserId: string | undefined
  let hint = -1
  return {
    get activeUserId() {
      return activeUserId
    },
    positionIn(members) {
      if (activeUserId === undefined) return -1
      if (hint < 0 || members.at(hint)?.userId !== activeUserId)
        hint = findPosition(members, activeUserId, hint)
      return hint
    },
    activate(members, position) {
      const member = position < 0 ? undefined : members.at(position)
      if (member === undefined) return false
      hint = position
      if (member.userId !== activeUserId) {
        activeUserId = member.userId
        notify()
      }
      return true
    },
  }
}

/** 'loading' until the first roster, 'empty' when nobody is there, else 'ready'. */
export type OnlineListState = 'loading' | 'empty' | 'ready'

/** The list's behaviour for one render, as attributes and handlers with DOM names. */
export interface OnlineListApi {
  readonly state: OnlineListState
  readonly activePosition: number
  /** Whether the rows are the last known roster (see `staleNoteProps`). */
  readonly stale: boolean
  /** The listbox's id, for a search box's `aria-controls`. */
  readonly listId: string
  optionId(position: number): string
  /**
   * The strip above the list that says, while the rows are stale, that they are the last known
   * roster; it also describes the listbox then. Always rendered, empty while live, so that its
   * room is held and nothing moves when it speaks.
   */
  staleNoteProps(): Record<string, unknown>
  /** Activates the active row, or the first when none is, and brings it into view. */
  enter(): void
  /** The scroll viewport, a listbox with one tab stop. */
  rootProps(): Record<string, unknown>
  /** Activates the member at `position` and reports it. */
  pick(position: number): void
}

/**
 * Connects a list's machine to this render's members and callbacks (the connect() of a headless
 * state machine): React and Vue spread what it returns and add only their virtualizer and rows.
 */
export function connectOnlineList<M extends ListMember>(
  machine: OnlineListMachine,
  context: OnlineListContext<M>,
): OnlineListApi {
  const { members, baseId } = context
  const active = machine.positionIn(members)
  const optionId = (position: number) => `${baseId}-option-${position}`
  const pick = (position: number) => {
    if (machine.activate(members, position)) context.onSelect(members.at(position)!)
  }
  const onKeydown = (event: KeyInput) => {
    if (isListNavigationKey(event.key)) {
      event.preventDefault()
      const pageSize = Math.max(1, Math.floor(context.viewportHeight / context.rowHeight) - 1)
      const next = getNextListIndex(event.key, machine.positionIn(members), members.length, pageSize)
      if (machine.activate(members, next)) context.scrollTo(next)
    } else if ((event.key === 'Enter' || event.key === ' ') && active >= 0) {
      event.preventDefault()
      context.onSelect(members.at(active)!)
    }
  }
  const stale = context.stale === true && context.synced
  const noteId = `${baseId}-stale`
  const listId = `${baseId}-list`
  const state: OnlineListState = !context.synced ? 'loading' : members.length === 0 ? 'empty' : 'ready'
  return {
    state,
    activePosition: active,
    stale,
    listId,
    optionId,
    pick,
    // Hidden from the tree (the listbox's description says it) but still read as that
    // description, which a referenced hidden element gives.
    staleNoteProps: () => ({ id: noteId, 'aria-hidden': 'true' }),
    enter() {
      const position = Math.max(0, machine.positionIn(members))
      if (machine.activate(members, position)) context.scrollTo(position)
    },
    rootProps: () => ({
      id: listId,
      role: 'listbox',
      tabindex: 0,
      'aria-label': context.label,
      'aria-busy': context.synced ? undefined : 'true',
      'aria-activedescendant': active >= 0 ? optionId(active) : undefined,
      'aria-describedby': stale ? noteId : undefined,
      'data-state': state,
      'data-stale': stale ? '' : undefined,
      onKeydown,
    }),
  }
}

/**
 * One member's option. A function of the row's own props, so a memoised row computes it and a
 * commit that changes one member re-renders that member's row only.
 */
export function getListOptionProps(
  member: ListMember,
  id: string,
  position: number,
  setSize: number,
  active: boolean,
): Record<string, unknown> {
  return {
    id,
    role: 'option',
    'aria-selected': String(active),
    'aria-setsize': setSize,
    'aria-posinset': position + 1,
    'data-status': member.status,
    'data-user-id': member.userId,
    'data-self': member.isSelf ? '' : undefined,
    'data-active': active ? '' : undefined,
  }
}
