import type { PresenceData, PresenceUpdate } from '@presence-kit/core'
import type { MaybeRefOrGetter, Ref } from 'vue'
import { holdRoom } from './room-hold.js'
import { useRoomHandle } from './room-handle.js'
import { useRoomState } from './use-room-state.js'

export interface UseMyPresenceReturn<D extends PresenceData> {
  /** The local user's presence data; `undefined` until joined. */
  readonly data: Readonly<Ref<D | undefined>>
  /** Changes the local presence data (a value or a function of the current one). */
  readonly update: (next: PresenceUpdate<D>) => void
}

/**
 * The local user's presence data in a room and a function to change it. Joins the room while the
 * calling scope lives (with `initialPresence`), following the room name when it changes.
 */
export function useMyPresence<D extends PresenceData = PresenceData>(
  name: MaybeRefOrGetter<string | undefined>,
  initialPresence?: PresenceUpdate<D>,
): UseMyPresenceReturn<D> {
  const room = useRoomHandle<D>(name, 'useMyPresence()')
  holdRoom(room, true, () => initialPresence)
  const data = useRoomState(room, (state) => (state.joined ? state.self?.data : undefined))
  const update = (next: PresenceUpdate<D>) => room.value?.update(next)
  return { data, update }
}
