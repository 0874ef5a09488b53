import type { PresenceObject, Room, RoomState } from '@presence-kit/core'
import { emptyRoomState } from '@presence-kit/core/ui'
import { useCallback, useRef, useSyncExternalStore } from 'react'

export type EqualityFn<T> = (a: T, b: T) => boolean

/**
 * Reads a value derived from a room's state with `useSyncExternalStore`. The selection is
 * remembered per committed state, and an `isEqual` match keeps the previous value, so a selector
 * that builds a new object or array does not re-render on every commit. On the server the
 * snapshot is the room's initial state. Without a room (a name that breaks the rule), the empty state.
 */
export function useRoomState<D extends PresenceObject, T>(
  room: Room<D> | undefined,
  selector: (state: RoomState<D>) => T,
  isEqual: EqualityFn<T> = Object.is,
): T {
  const memo = useRef<{ state: RoomState<D>; selector: unknown; value: T } | undefined>(undefined)
  const getSelection = useCallback((): T => {
    const state = room === undefined ? emptyRoomState<D>() : room.store.getState()
    const last = memo.current
    if (last !== undefined && last.state === state && last.selector === selector) return last.value
    const next = selector(state)
    const value = last !== undefined && isEqual(last.value, next) ? last.value : next
    memo.current = { state, selector, value }
    return value
  }, [room, selector, isEqual])
  return useSyncExternalStore(room?.store.subscribe ?? subscribeToNothing, getSelection, getSelection)
}

function subscribeToNothing(): () => void {
  return () => undefined
}

/** Equal when both objects have the same keys with identical (`Object.is`) values. */
export function shallowEqual<T>(a: T, b: T): boolean {
  if (Object.is(a, b)) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  const keys = Object.keys(a)
  if (keys.length !== Object.keys(b).length) return false
  return keys.every(
    (key) =>
      Object.prototype.hasOwnProperty.call(b, key) &&
      Object.is((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  )
}
