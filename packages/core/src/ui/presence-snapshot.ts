import type { PresenceObject, RegisteredPresence } from '../register.js'
import type { ConnectionStatus, Member, RoomState } from '../types.js'
import { cached } from './cached.js'

/** What `usePresence(room)` gives in React and Vue: a room's state, shaped for rendering. */
export interface PresenceSnapshot<D extends PresenceObject = RegisteredPresence> {
  /** Every present member, self included, in the order they were first seen. */
  readonly members: readonly Member<D>[]
  /** Every member but the local user. */
  readonly others: readonly Member<D>[]
  readonly self: Member<D> | undefined
  /** How many are present: the roster's length, or a count-only room's count. */
  readonly count: number
  /** `count` for a room too big to list, whose `members` stay empty: show `count` instead. */
  readonly mode: 'list' | 'count'
  /** False until the first roster arrived: the loading state. */
  readonly synced: boolean
  readonly status: ConnectionStatus
  /** True while reconnecting: the roster shown is the last one known. */
  readonly stale: boolean
}

// One snapshot object per committed state, and one `others` array per roster, so a render or a
// reader that did not change the roster gets the same objects.
const snapshots = new WeakMap<RoomState<PresenceObject>, PresenceSnapshot<PresenceObject>>()
const othersByRoster = new WeakMap<readonly Member<PresenceObject>[], readonly Member<PresenceObject>[]>()

function othersOf<D extends PresenceObject>(members: readonly Member<D>[]): readonly Member<D>[] {
  return cached(othersByRoster, members, () => members.filter((m) => !m.isSelf)) as readonly Member<D>[]
}

/** The snapshot of a committed room state: the same object for the same state. */
export function getPresenceSnapshot<D extends PresenceObject>(state: RoomState<D>): PresenceSnapshot<D> {
  return cached(snapshots, state, () => ({
    // Read when first read, like `others`: a roster kept in chunks (`bigRoomRoster`) is joined
    // into one array only for a page that lists it.
    get members() {
      return state.members
    },
    // Built when first read: a page that shows the count only never filters 100,000 members.
    get others() {
      return othersOf(state.members)
    },
    self: state.self,
    count: state.count,
    mode: state.mode,
    synced: state.synced,
    status: state.status,
    stale: state.stale,
  })) as PresenceSnapshot<D>
}
