import type {
  PresenceEventMap,
  PresenceEventName,
  PresenceShape,
  RegisteredPresence,
} from '@presence-kit/core'
import { toValue, watch, type MaybeRefOrGetter } from 'vue'
import { holdRoom } from './room-hold.js'
import { useRoomHandle } from './room-handle.js'
import { startInBrowser } from './lifecycle.js'

/**
 * Calls `handler` for presence events of a room ('join', 'leave', 'update', 'typing', 'status',
 * 'error', 'sync', 'change') while the calling scope lives. One listener, moved when the room or
 * the event names change.
 */
export function usePresenceEvent<
  E extends PresenceEventName,
  D extends PresenceShape<D> = RegisteredPresence,
>(
  name: MaybeRefOrGetter<string | undefined>,
  events: MaybeRefOrGetter<E | readonly E[]>,
  handler: (event: PresenceEventMap<D>[E]) => void,
): void {
  const room = useRoomHandle<D>(name, process.env.NODE_ENV !== 'production' ? 'usePresenceEvent()' : '')
  holdRoom(room, false)
  // A key, so a getter returning a new array of the same names does not move the listener.
  const key = () => {
    const value = toValue(events)
    return (typeof value === 'string' ? [value] : [...value]).join(' ')
  }
  startInBrowser(() => {
    watch(
      [room, key],
      ([current, names], _previous, onCleanup) => {
        if (current === undefined || names === '') return
        onCleanup(current.on(names.split(' ') as E[], handler))
      },
      { immediate: true, flush: 'sync' },
    )
  })
}
