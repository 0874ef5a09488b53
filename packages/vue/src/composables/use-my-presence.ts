import type { PresenceObject, PresenceShape, PresenceUpdate, RegisteredPresence } from '@presence-kit/core'
import type { MaybeRefOrGetter, Ref } from 'vue'
import { holdRoom } from './room-hold.js'
import { useRoomHandle } from './room-handle.js'
import { useRoomState } from './use-room-state.js'

export interface UseMyPresenceReturn<D extends PresenceObject> {
  /** The local user's presence data; `undefined` until joined. */
  readonly data: Readonly<Ref<D | undefined>>
  /** Changes the local presence data (a value or a function of the current one). */
  readonly update: (next: PresenceUpdate<D>) => void
}

/**
 * The local user's presence data in a room and a function to change it. Joins the room while the
 * calling scope lives (with `initialPresence`), following the room name when it changes.
 * `D` is the registered presence type (`Register`) unless given; `initialPresence` is checked
 * against it, never used to infer another.
 */
export function useMyPresence<D extends PresenceShape<D> = RegisteredPresence>(
  name: MaybeRefOrGetter<string | undefined>,
  initialPresence?: PresenceUpdate<NoInfer<D>>,
): UseMyPresenceReturn<D> {
  const room = useRoomHandle<D>(name, process.env.NODE_ENV !== 'production' ? 'useMyPresence()' : '')
  holdRoom(room, true, () => initialPresence)
  const data = useRoomState(room, (state) => (state.joined ? state.self?.data : undefined))
  const update = (next: PresenceUpdate<D>) => room.value?.update(next)
  return { data, update }
}
