import type { AdapterRoom, PresenceAdapter } from '../adapter.js'

/** How often the store called each part of an adapter wrapped by `countAdapterCalls`. */
export interface AdapterCallCounts {
  open: number
  enter: number
  update: number
  leave: number
  /** Every typing signal sent, in order. */
  readonly typing: boolean[]
  close: number
}

/**
 * Wraps an adapter (a memory hub's, or a real one) and counts what the store asks of it: how a
 * test shows that StrictMode or two components on one room still give one join.
 */
export function countAdapterCalls(inner: PresenceAdapter): {
  readonly adapter: PresenceAdapter
  readonly counts: AdapterCallCounts
} {
  const counts: AdapterCallCounts = { open: 0, enter: 0, update: 0, leave: 0, typing: [], close: 0 }
  const adapter: PresenceAdapter = {
    name: `counted ${inner.name}`,
    openRoom(context) {
      counts.open++
      const room: AdapterRoom = inner.openRoom(context)
      return {
        enter: (presence) => (counts.enter++, room.enter(presence)),
        update: (presence) => (counts.update++, room.update(presence)),
        leave: () => (counts.leave++, room.leave()),
        typing: (typing) => (counts.typing.push(typing), room.typing(typing)),
        close: () => (counts.close++, room.close()),
      }
    },
    destroy: () => inner.destroy?.(),
  }
  return { adapter, counts }
}
