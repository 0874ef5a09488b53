import type { AdapterRoom, PresenceAdapter } from '@presence-kit/core'

/** Wraps a real adapter (the memory hub's) and counts what the store asks of it. */
export function countCalls(inner: PresenceAdapter) {
  const counts = { open: 0, enter: 0, update: 0, leave: 0, typing: [] as boolean[], close: 0 }
  const adapter: PresenceAdapter = {
    name: `counted ${inner.name}`,
    openRoom(context) {
      counts.open++
      const room: AdapterRoom = inner.openRoom(context)
      return {
        enter: (p) => (counts.enter++, room.enter(p)),
        update: (p) => (counts.update++, room.update(p)),
        leave: () => (counts.leave++, room.leave()),
        typing: (t) => (counts.typing.push(t), room.typing(t)),
        close: () => (counts.close++, room.close()),
      }
    },
    destroy: () => inner.destroy?.(),
  }
  return { adapter, counts }
}
