import type { Member, PresenceShape, PresenceStatus, RegisteredPresence } from '@presence-kit/core'
import { computed, toValue, type ComputedRef, type MaybeRefOrGetter, type Ref } from 'vue'
import { holdRoom } from './room-hold.js'
import { useRoomHandle } from './room-handle.js'
import { useRoomState } from './use-room-state.js'

/** One member of a room, or undefined when absent. Changes only when that member does. */
export function useMember<D extends PresenceShape<D> = RegisteredPresence>(
  name: MaybeRefOrGetter<string | undefined>,
  userId: MaybeRefOrGetter<string | undefined>,
): Readonly<Ref<Member<D> | undefined>> {
  const room = useRoomHandle<D>(name, process.env.NODE_ENV !== 'production' ? 'useMember()' : '')
  holdRoom(room, false)
  // The committed lookup is O(1) and returns the same object until the member changes.
  const select = (): Member<D> | undefined => {
    const id = toValue(userId)
    // `room.get()` without an id is the whole state: only a string names a member.
    return typeof id === 'string' ? room.value?.get(id) : undefined
  }
  return useRoomState(room, select, Object.is, [() => toValue(userId)])
}

/** A user's status in a room: `offline` when they are not there. */
export function useActivityStatus(
  name: MaybeRefOrGetter<string | undefined>,
  userId: MaybeRefOrGetter<string | undefined>,
): ComputedRef<PresenceStatus> {
  const member = useMember(name, userId)
  return computed(() => member.value?.status ?? 'offline')
}
