import type { PresenceShape, RegisteredPresence, RoomState } from '@presence-kit/core'
import { getPresenceSnapshot, type PresenceSnapshot } from '@presence-kit/core/ui'
import { useNamedRoom } from './use-named-room.js'
import { useHoldRoom } from './use-room.js'
import { useRoomState, type EqualityFn } from './use-room-state.js'

export type { PresenceSnapshot } from '@presence-kit/core/ui'

/**
 * Who is in a room. Watches the room (its roster, without entering presence) while mounted; use
 * `useRoom` to join. With a selector, re-renders only when the selected value changes
 * (`Object.is`, or `isEqual`).
 */
export function usePresence<D extends PresenceShape<D> = RegisteredPresence>(
  room: string,
): PresenceSnapshot<D>
export function usePresence<D extends PresenceShape<D> = RegisteredPresence, T = unknown>(
  room: string,
  selector: (state: RoomState<D>) => T,
  isEqual?: EqualityFn<T>,
): T
export function usePresence<D extends PresenceShape<D> = RegisteredPresence, T = unknown>(
  name: string,
  selector?: (state: RoomState<D>) => T,
  isEqual?: EqualityFn<T>,
): T | PresenceSnapshot<D> {
  const room = useNamedRoom<D>(name, process.env.NODE_ENV !== 'production' ? 'usePresence()' : '')
  useHoldRoom(room, false)
  return useRoomState(room, selector ?? (getPresenceSnapshot as (state: RoomState<D>) => T), isEqual)
}
