import {
  PresenceError,
  type PresenceObject,
  type PresenceShape,
  type PresenceUpdate,
  type RegisteredPresence,
  type Room,
} from '@presence-kit/core'
import { computed, toValue, type ComputedRef, type MaybeRefOrGetter } from 'vue'
import { usePresenceClient } from '../provide.js'
import { holdRoom } from './room-hold.js'
import { useRoomHandle } from './room-handle.js'

export interface UseRoomOptions<D extends PresenceObject> {
  /** The presence data to enter with; read when the room is joined. */
  initialPresence?: MaybeRefOrGetter<PresenceUpdate<D> | undefined>
  /**
   * Enter the room's presence (`true`) or only watch its roster (`false`).
   * @default true
   */
  join?: MaybeRefOrGetter<boolean>
}

/**
 * The room handle, joined (or watched) while the calling component or effect scope lives. Joins
 * are counted by the core, so any number of components share one join. When `name` changes, the
 * old room is left and the new one joined. Nothing joins during server rendering.
 *
 * `D` is the registered presence type (`Register`) unless given; `initialPresence` is checked
 * against it, never used to infer another.
 *
 * @throws PresenceError (`invalid-options`) when `name` is not a valid room name (`isValidRoomName`),
 * at once, as React's `useRoom` and `client.room()` do: this is the handle you act on. A name that
 * becomes invalid later throws where the handle is read.
 */
export function useRoom<D extends PresenceShape<D> = RegisteredPresence>(
  name: MaybeRefOrGetter<string>,
  options: UseRoomOptions<NoInfer<D>> = {},
): ComputedRef<Room<D>> {
  usePresenceClient().room(toValue(name))
  const handle = useRoomHandle<D>(name, process.env.NODE_ENV !== 'production' ? 'useRoom()' : '')
  holdRoom(
    handle,
    () => toValue(options.join) ?? true,
    () => toValue(options.initialPresence),
  )
  return computed(() => {
    const room = handle.value
    if (room === undefined) {
      throw new PresenceError('invalid-options', `useRoom(): no room for the name ${String(toValue(name))}.`)
    }
    return room
  })
}
