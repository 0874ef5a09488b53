import type { ConnectionStatus, Member, PresenceData, RoomState } from '@presence-kit/core'
import { useRoom } from './use-room.js'
import { useRoomState, type EqualityFn } from './use-room-state.js'

export interface PresenceSnapshot<D extends PresenceData = PresenceData> {
  /** Every present member, self included, in the order they were first seen. */
  readonly members: readonly Member<D>[]
  /** Every member but the local user. */
  readonly others: readonly Member<D>[]
  readonly self: Member<D> | undefined
  readonly count: number
  /** False until the first roster arrived: the loading state. */
  readonly synced: boolean
  readonly status: ConnectionStatus
  /** True while reconnecting: the roster shown is the last one known. */
  readonly stale: boolean
}

// One snapshot object per committed state, and one `others` array per roster, so renders that
// did not change the roster get the same objects.
const snapshots = new WeakMap<RoomState, PresenceSnapshot>()
const othersByRoster = new WeakMap<readonly Member[], readonly Member[]>()

function othersOf<D extends PresenceData>(members: readonly Member<D>[]): readonly Member<D>[] {
  let others = othersByRoster.get(members)
  if (others === undefined) {
    others = members.filter((m) => !m.isSelf)
    othersByRoster.set(members, others)
  }
  return others as readonly Member<D>[]
}

function toSnapshot<D extends PresenceData>(state: RoomState<D>): PresenceSnapshot<D> {
  let snapshot = snapshots.get(state)
  if (snapshot === undefined) {
    snapshot = {
      members: state.members,
      others: othersOf(state.members),
      self: state.self,
      count: state.count,
      synced: state.synced,
      status: state.status,
      stale: state.stale,
    }
    snapshots.set(state, snapshot)
  }
  return snapshot as PresenceSnapshot<D>
}

/**
 * Who is in a room. Watches the room (its roster, without entering presence) while mounted; use
 * `useRoom` to join. With a selector, re-renders only when the selected value changes
 * (`Object.is`, or `isEqual`).
 */
export function usePresence<D extends PresenceData = PresenceData>(room: string): PresenceSnapshot<D>
export function usePresence<D extends PresenceData, T>(
  room: string,
  selector: (state: RoomState<D>) => T,
  isEqual?: EqualityFn<T>,
): T
export function usePresence<D extends PresenceData, T>(
  name: string,
  selector?: (state: RoomState<D>) => T,
  isEqual?: EqualityFn<T>,
): T | PresenceSnapshot<D> {
  const room = useRoom<D>(name, { join: false })
  return useRoomState(room, selector ?? (toSnapshot as (state: RoomState<D>) => T), isEqual)
}
