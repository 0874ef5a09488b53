import type { ConnectionStatus, Member, PresenceData, RoomState } from '@presence-kit/core'
import { computed, type ComputedRef, type MaybeRefOrGetter, type Ref } from 'vue'
import { holdRoom } from './room-hold.js'
import { useRoomHandle } from './room-handle.js'
import type { EqualityFn } from './shallow-equal.js'
import { useRoomState } from './use-room-state.js'

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

/** `usePresence(room)`: the snapshot, and each of its fields as its own ref for destructuring. */
export type UsePresenceReturn<D extends PresenceData = PresenceData> = {
  readonly [K in keyof PresenceSnapshot<D>]: ComputedRef<PresenceSnapshot<D>[K]>
} & {
  /** The whole snapshot: one object per committed state. */
  readonly snapshot: Readonly<Ref<PresenceSnapshot<D>>>
}

// One snapshot object per committed state, and one `others` array per roster, so readers that did
// not change the roster get the same objects.
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
      // Built when first read: a page that shows the count only never filters 100,000 members.
      get others() {
        return othersOf(state.members)
      },
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
 * Who is in a room. Watches the room (its roster, without entering presence) while the calling
 * scope lives; use `useRoom` to join. Returns refs (`members`, `others`, `self`, `count`, `synced`,
 * `status`, `stale`) that change only when their value does. With a selector, one ref that
 * changes only when the selected value does (`Object.is`, or `isEqual`).
 */
export function usePresence<D extends PresenceData = PresenceData>(
  room: MaybeRefOrGetter<string | undefined>,
): UsePresenceReturn<D>
export function usePresence<D extends PresenceData, T>(
  room: MaybeRefOrGetter<string | undefined>,
  selector: (state: RoomState<D>) => T,
  isEqual?: EqualityFn<T>,
): Readonly<Ref<T>>
export function usePresence<D extends PresenceData, T>(
  name: MaybeRefOrGetter<string | undefined>,
  selector?: (state: RoomState<D>) => T,
  isEqual?: EqualityFn<T>,
): Readonly<Ref<T>> | UsePresenceReturn<D> {
  const room = useRoomHandle<D>(name)
  holdRoom(room, false, () => undefined)
  if (selector !== undefined) return useRoomState(room, selector, isEqual)
  const snapshot = useRoomState(room, toSnapshot<D>)
  const field = <K extends keyof PresenceSnapshot<D>>(key: K) => computed(() => snapshot.value[key])
  return {
    snapshot,
    members: field('members'),
    others: computed(() => othersOf(snapshot.value.members)),
    self: field('self'),
    count: field('count'),
    synced: field('synced'),
    status: field('status'),
    stale: field('stale'),
  }
}
