import type { Member, PresenceShape, PresenceStatus, RegisteredPresence } from '@presence-kit/core'
import { useNamedRoom } from './use-named-room.js'
import { useHoldRoom } from './use-room.js'
import { useRoomState } from './use-room-state.js'

/** One member of a room, or undefined when absent. Re-renders only when that member changes. */
export function useMember<D extends PresenceShape<D> = RegisteredPresence>(
  name: string,
  userId: string,
): Member<D> | undefined {
  const room = useNamedRoom<D>(name, process.env.NODE_ENV !== 'production' ? 'useMember()' : '')
  useHoldRoom(room, false)
  // The committed lookup is O(1) and returns the same object until the member changes.
  return useRoomState(room, () => room?.get(userId))
}

/** A user's status in a room: `offline` when they are not there. */
export function useActivityStatus(name: string, userId: string): PresenceStatus {
  return useMember(name, userId)?.status ?? 'offline'
}
