import type { PresenceShape, PresenceUpdate, RegisteredPresence } from '@presence-kit/core'
import { useCallback } from 'react'
import { useNamedRoom } from './use-named-room.js'
import { useHoldRoom } from './use-room.js'
import { useRoomState } from './use-room-state.js'

/**
 * The local user's presence data in a room and a function to change it, like `useState`. Joins
 * the room while mounted (with `initialPresence`). Data is `undefined` until joined.
 * `D` is the registered presence type (`Register`) unless given; `initialPresence` is checked
 * against it, never used to infer another.
 */
export function useMyPresence<D extends PresenceShape<D> = RegisteredPresence>(
  name: string,
  initialPresence?: PresenceUpdate<NoInfer<D>>,
): [data: D | undefined, update: (next: PresenceUpdate<D>) => void] {
  const room = useNamedRoom<D>(name, process.env.NODE_ENV !== 'production' ? 'useMyPresence()' : '')
  useHoldRoom(room, true, initialPresence)
  const data = useRoomState(room, (state) => (state.joined ? state.self?.data : undefined))
  const update = useCallback((next: PresenceUpdate<D>) => room?.update(next), [room])
  return [data, update]
}
