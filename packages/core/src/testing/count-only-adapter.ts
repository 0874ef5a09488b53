import type { ConnectionInput, LeaveInput, PresenceAdapter, RoomSink } from '../adapter.js'

/**
 * An adapter whose rooms reach the store as a count-only room does from the reference server to a
 * client that reads counts: the number of users (`sink.count`) in place of the snapshot and the
 * joins, updates and leaves, with typing and status passed on. It wraps another adapter (the memory
 * hub's, in stories and component tests), counting the users it reports; `countOnly` picks the
 * rooms, every room by default.
 */
export function countOnlyAdapter(
  inner: PresenceAdapter,
  countOnly: (room: string) => boolean = () => true,
): PresenceAdapter {
  return {
    name: inner.name,
    openRoom(context) {
      if (!countOnly(context.room)) return inner.openRoom(context)
      const { sink } = context
      /** The connections of each user in the room. */
      const users = new Map<string, Set<string>>()
      const send = () => sink.count?.(users.size)
      const add = ({ userId, connectionId }: ConnectionInput) => {
        let connections = users.get(userId)
        if (connections === undefined) users.set(userId, (connections = new Set()))
        connections.add(connectionId)
      }
      const counting: RoomSink = {
        snapshot(connections) {
          users.clear()
          for (const connection of connections) add(connection)
          send()
        },
        join(connection) {
          add(connection)
          send()
        },
        update(connection) {
          add(connection)
          send()
        },
        leave({ userId, connectionId }: LeaveInput) {
          const connections = users.get(userId)
          connections?.delete(connectionId)
          if (connections?.size === 0) users.delete(userId)
          send()
        },
        typing: (signal) => sink.typing(signal),
        status: (status, detail) => sink.status(status, detail),
        error: (error) => sink.error(error),
      }
      return inner.openRoom({ ...context, sink: counting })
    },
    ...(inner.reconnect === undefined ? {} : { reconnect: () => inner.reconnect?.() }),
    ...(inner.destroy === undefined ? {} : { destroy: () => inner.destroy?.() }),
  }
}
