import type { PresenceObject, Room, RoomState } from '@presence-kit/core'
import { shallowReadonly, shallowRef, watch, type Ref, type WatchSource } from 'vue'
import { emptyRoomState } from '@presence-kit/core/ui'
import { startInBrowser } from './lifecycle.js'
import type { EqualityFn } from './shallow-equal.js'

/**
 * A value derived from a room's state, in a `shallowRef` that changes only when the selection does
 * (`Object.is`, or `isEqual`), so a selector that builds an array does not trigger on every commit.
 * Follows `room` when it changes, and re-selects when any of `inputs` changes. Subscribes only in
 * the browser, after mount in a component; on a server the value is the room's initial state.
 */
export function useRoomState<D extends PresenceObject, T>(
  room: Readonly<Ref<Room<D> | undefined>>,
  selector: (state: RoomState<D>) => T,
  isEqual: EqualityFn<T> = Object.is,
  inputs: readonly WatchSource[] = [],
): Readonly<Ref<T>> {
  const read = () => selector(room.value?.store.getState() ?? emptyRoomState<D>())
  const value = shallowRef(read()) as Ref<T>
  const sync = () => {
    const next = read()
    if (!isEqual(value.value, next)) value.value = next
  }
  startInBrowser(() => {
    watch(
      [room, ...inputs],
      ([current], _previous, onCleanup) => {
        sync()
        if (current !== undefined) onCleanup(current.store.subscribe(sync))
      },
      { immediate: true, flush: 'sync' },
    )
  })
  return shallowReadonly(value) as Readonly<Ref<T>>
}
