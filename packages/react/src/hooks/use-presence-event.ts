import type {
  PresenceEventMap,
  PresenceEventName,
  PresenceShape,
  RegisteredPresence,
} from '@presence-kit/core'
import { useEffect, useRef } from 'react'
import { useNamedRoom } from './use-named-room.js'
import { useHoldRoom } from './use-room.js'

/**
 * Calls `handler` for presence events of a room ('join', 'leave', 'update', 'typing', 'status',
 * 'error', 'sync', 'change'). One listener per mount; the latest `handler` is always the one
 * called, so it need not be memoised.
 */
export function usePresenceEvent<
  E extends PresenceEventName,
  D extends PresenceShape<D> = RegisteredPresence,
>(name: string, events: E | readonly E[], handler: (event: PresenceEventMap<D>[E]) => void): void {
  const room = useNamedRoom<D>(name, process.env.NODE_ENV !== 'production' ? 'usePresenceEvent()' : '')
  useHoldRoom(room, false)
  const latest = useRef(handler)
  latest.current = handler
  // A stable key, so an inline array of event names does not resubscribe on every render.
  const key = (Array.isArray(events) ? events : [events]).join(' ')
  useEffect(() => {
    if (room === undefined) return undefined
    const names = key.split(' ') as E[]
    return room.on(names, (event) => latest.current(event))
  }, [room, key])
}
