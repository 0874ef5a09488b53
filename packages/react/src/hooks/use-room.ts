import type {
  PresenceObject,
  PresenceShape,
  PresenceUpdate,
  RegisteredPresence,
  Room,
} from '@presence-kit/core'
import { useEffect, useMemo, useRef } from 'react'
import { usePresenceClient } from '../provider.js'

export interface UseRoomOptions<D extends PresenceObject> {
  /** The presence data to enter with; read when the room is first joined. */
  initialPresence?: PresenceUpdate<D>
  /**
   * Enter the room's presence (`true`) or only watch its roster (`false`).
   * @default true
   */
  join?: boolean
}

/**
 * The room handle, joined (or watched) while this component is mounted. Joins are counted by the
 * core, so any number of components share one join, and StrictMode's mount, unmount, mount does
 * not leave and join again. Nothing joins during server rendering: effects do not run there.
 *
 * `D` is the registered presence type (`Register`) unless given; `initialPresence` is checked
 * against it, never used to infer another.
 *
 * @throws PresenceError (`invalid-options`) when `name` is not a valid room name (`isValidRoomName`),
 * as `client.room()` does: this is the handle you act on. The other hooks show an empty room instead.
 */
export function useRoom<D extends PresenceShape<D> = RegisteredPresence>(
  name: string,
  options: UseRoomOptions<NoInfer<D>> = {},
): Room<D> {
  const client = usePresenceClient()
  // Asked once per client and name: a render that follows the client's destroy() (its rooms' last
  // commit) keeps the handle it has instead of asking the destroyed client, which throws.
  const room = useMemo(() => client.room<D>(name), [client, name])
  useHoldRoom(room, options.join ?? true, options.initialPresence)
  return room
}

/**
 * Joins (`join`) or watches a room while the calling component is mounted; nothing for no room.
 * `initialPresence` is read when the room is joined.
 */
export function useHoldRoom<D extends PresenceObject>(
  room: Room<D> | undefined,
  join: boolean,
  initialPresence?: PresenceUpdate<D>,
): void {
  const initial = useRef(initialPresence)
  initial.current = initialPresence
  useEffect(() => {
    if (room === undefined) return undefined
    return join ? room.acquire(initial.current) : room.watch()
  }, [room, join])
}
