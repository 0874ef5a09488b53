import type { PresenceAdapter } from '../adapter.js'
import { cloneWire } from './clone-wire.js'
import { HubCore } from './hub-core.js'
import { disconnectClient, injectMessage, reconnectClient } from './hub-faults.js'
import type { HubClient } from './hub-model.js'
import { createMemoryAdapter } from './memory-adapter.js'
import type { HubConnection, MemoryHub, MemoryHubOptions } from './memory-hub-types.js'
import { addVirtual, removeVirtual, typingVirtual, updateVirtual } from './virtual-connections.js'

/**
 * An in-process presence backend that behaves like a presence server: each `hub.adapter()` is one
 * client connection; joins, updates, leaves and typing fan out to every client watching the room
 * (the sender too), ordered by one hub-wide version. For tests, it can hold, reorder and duplicate
 * messages, drop and restore links, inject malformed input, and carry crowds of virtual connections.
 * No timers, no DOM: it runs on a server, in tests and in the browser alike.
 */
export function createMemoryHub(options: MemoryHubOptions = {}): MemoryHub {
  const core = new HubCore(options)
  const delivery = options.delivery ?? 'sync'
  let clientCount = 0
  let virtualCount = 0

  const alive = (method: string) => {
    if (core.destroyed) throw new Error(`hub.${method}() was called after hub.destroy().`)
  }
  const clientOf = (ref: PresenceAdapter | string, method: string): HubClient => {
    alive(method)
    const client = core.clientOf(ref)
    if (client === undefined) {
      const name = typeof ref === 'string' ? `"${ref}"` : 'this adapter'
      throw new Error(`hub.${method}: no client ${name} on this hub.`)
    }
    return client
  }

  return {
    delivery,
    get destroyed() {
      return core.destroyed
    },

    adapter(adapterOptions = {}) {
      alive('adapter')
      let connectionId = adapterOptions.connectionId
      if (connectionId === undefined) {
        do connectionId = `conn-${++clientCount}`
        while (core.clientOf(connectionId) !== undefined)
      } else if (core.clientOf(connectionId) !== undefined) {
        throw new Error(`hub.adapter: connection id "${connectionId}" is already used by another client.`)
      }
      return createMemoryAdapter(core, connectionId)
    },

    deliver(count) {
      if (count !== undefined && (!Number.isInteger(count) || count < 0)) {
        throw new RangeError(`hub.deliver(count): count must be a non-negative integer, got ${count}.`)
      }
      return core.queue.deliver(count)
    },
    pending: () => core.queue.pending(),
    reorder: (permute) => core.queue.reorder(permute),
    duplicate: (index) => core.queue.duplicate(index),

    disconnect: (client, disconnectOptions) =>
      disconnectClient(core, clientOf(client, 'disconnect'), disconnectOptions),
    reconnect: (client, reconnectOptions) =>
      reconnectClient(core, clientOf(client, 'reconnect'), reconnectOptions),
    inject(room, message) {
      alive('inject')
      return injectMessage(core, room, message)
    },

    addVirtual(room, connection) {
      alive('addVirtual')
      return addVirtual(core, room, connection, () => `virtual-${++virtualCount}`)
    },
    updateVirtual(room, connectionId, change) {
      alive('updateVirtual')
      updateVirtual(core, room, connectionId, change)
    },
    removeVirtual: (room, connectionId) => removeVirtual(core, room, connectionId),
    typingVirtual(room, connectionId, typing) {
      alive('typingVirtual')
      typingVirtual(core, room, connectionId, typing)
    },
    evict(room, connectionId) {
      const hubRoom = core.rooms.get(room)
      return hubRoom === undefined ? false : core.remove(hubRoom, connectionId)
    },

    rooms: () => [...core.rooms.keys()],
    connections(room) {
      const connections: HubConnection[] = []
      for (const entry of core.rooms.get(room)?.entries.values() ?? []) {
        connections.push({
          connectionId: entry.connectionId,
          userId: entry.userId,
          data: cloneWire(entry.data),
          version: entry.version,
          activity: cloneWire(entry.activity),
          profile: cloneWire(entry.profile),
          virtual: entry.virtual,
        })
      }
      return connections
    },
    connectionCount: (room) => core.rooms.get(room)?.entries.size ?? 0,
    watchers(room) {
      const ids: string[] = []
      for (const watcher of core.rooms.get(room)?.watchers ?? []) ids.push(watcher.client.connectionId)
      return ids
    },
    stats: () => ({
      delivered: { ...core.delivered },
      dropped: core.dropped,
      pending: core.queue.size,
      version: core.version,
    }),
    destroy: () => core.destroy(),
  }
}
