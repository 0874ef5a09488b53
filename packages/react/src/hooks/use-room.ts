import type { PresenceData, PresenceUpdate, Room } from '@presence-kit/core'
import { useEffect, useRef } from 'react'
import { usePresenceClient } from '../provider.js'

export interface UseRoomOptions<D extends PresenceData> {
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
 */
export function useRoom<D extends PresenceData = PresenceData>(
  name: string,
  options: UseRoomOptions<D> = {},
): Room<D> {
  const client = usePresenceClient()
  const room = client.room<D>(name)
  const join = options.join ?? true
  const initialPresence = useRef(options.initialPresence)
  initialPresence.current = options.initialPresence
  useEffect(() => (join ? room.acquire(initialPresence.current) : room.watch()), [room, join])
  return room
}
