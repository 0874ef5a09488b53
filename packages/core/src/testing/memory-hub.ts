import type {
  AdapterRoom,
  ConnectionInput,
  LeaveInput,
  LocalPresence,
  PresenceAdapter,
  RoomSink,
  TypingInput,
} from '../adapter.js'
import type { ActivityReport, PresenceData, UserInfo } from '../types.js'

/** How the hub delivers messages to the clients' sinks. */
export type HubDelivery = 'sync' | 'microtask' | 'manual'

export interface MemoryHubOptions {
  /**
   * `'sync'` delivers at once; `'microtask'` after the current task, like a socket; `'manual'`
   * queues until `hub.deliver()`, so tests can hold, reorder and duplicate messages.
   * @default 'sync'
   */
  delivery?: HubDelivery
}

/** A message on its way from the hub to one client's sink. */
export type HubMessage =
  | {
      readonly to: string
      readonly room: string
      readonly method: 'snapshot'
      readonly payload: ConnectionInput[]
    }
  | {
      readonly to: string
      readonly room: string
      readonly method: 'join' | 'update'
      readonly payload: ConnectionInput
    }
  | { readonly to: string; readonly room: string; readonly method: 'leave'; readonly payload: LeaveInput }
  | { readonly to: string; readonly room: string; readonly method: 'typing'; readonly payload: TypingInput }
  | {
      readonly to: string
      readonly room: string
      readonly method: 'raw'
      readonly payload: unknown
      readonly sinkMethod: keyof RoomSink
    }

export interface VirtualConnection {
  userId: string
  connectionId?: string
  data?: PresenceData
  activity?: ActivityReport
  profile?: UserInfo
}

/**
 * An in-process presence backend shared by several clients, for tests, stories, demos and
 * benchmarks. It behaves like a presence server: a snapshot on every (re)connection, joins,
 * updates and leaves fanned out to every watcher (the sender included, as real backends echo),
 * versions from one increasing counter, typing relayed, and faults on demand.
 */
export interface MemoryHub {
  /** A new client connection (one tab). */
  adapter(options?: { connectionId?: string }): PresenceAdapter
  /** Drops a client's link: its sinks hear `reconnecting`; the others see it leave (unless told not to). */
  disconnect(client: PresenceAdapter | string, options?: { removeFromRoom?: boolean }): void
  /** Brings a client back: `connected` with a connection id, then a fresh snapshot. */
  reconnect(client: PresenceAdapter | string, options?: { connectionId?: string }): void
  /** Delivers a raw, possibly malformed, message into every watcher's sink method. */
  inject(room: string, message: { method: keyof RoomSink; payload: unknown }): void
  addVirtual(room: string, connection: VirtualConnection): string
  updateVirtual(
    room: string,
    connectionId: string,
    change: { data?: PresenceData; activity?: ActivityReport },
  ): void
  removeVirtual(room: string, connectionId: string): void
  typingVirtual(room: string, connectionId: string, typing: boolean): void
  /** In manual delivery: delivers the first `count` queued messages, or all. Returns how many. */
  deliver(count?: number): number
  pending(): readonly HubMessage[]
  reorder(permute: (messages: HubMessage[]) => HubMessage[]): void
  duplicate(index: number): void
  rooms(): string[]
  connections(room: string): ConnectionInput[]
  stats(): Readonly<Record<HubMessage['method'], number>>
  destroy(): void
}

interface Entry {
  userId: string
  data: PresenceData
  activity: ActivityReport | undefined
  profile: UserInfo | undefined
  version: number
}

interface Watcher {
  readonly clientId: string
  readonly sink: RoomSink
  entered: boolean
}

interface Client {
  readonly clientId: string
  connectionId: string
  online: boolean
  readonly user: { id: string; name?: string; avatarUrl?: string }
  readonly rooms: Map<string, Watcher>
  readonly adapter: PresenceAdapter
}

const NO_ACTIVITY = undefined

export function createMemoryHub(options: MemoryHubOptions = {}): MemoryHub {
  const delivery = options.delivery ?? 'sync'
  const rooms = new Map<string, Map<string, Entry>>()
  const watchers = new Map<string, Set<Watcher>>()
  const clients = new Map<string, Client>()
  const byAdapter = new Map<PresenceAdapter, Client>()
  const queue: HubMessage[] = []
  const stats: Record<HubMessage['method'], number> = {
    snapshot: 0,
    join: 0,
    update: 0,
    leave: 0,
    typing: 0,
    raw: 0,
  }
  let version = 0
  let clientCount = 0
  let virtualCount = 0
  let destroyed = false
  let microtaskPending = false

  const roomEntries = (room: string): Map<string, Entry> => {
    let entries = rooms.get(room)
    if (entries === undefined) {
      entries = new Map()
      rooms.set(room, entries)
    }
    return entries
  }

  const toInput = (connectionId: string, entry: Entry): ConnectionInput => ({
    connectionId,
    userId: entry.userId,
    // Every delivery gets its own copy, as a message parsed from a socket would be.
    data: structuredClone(entry.data) as PresenceData,
    version: entry.version,
    ...(entry.activity === undefined ? {} : { activity: { ...entry.activity } }),
    ...(entry.profile === undefined ? {} : { profile: structuredClone(entry.profile) as UserInfo }),
  })

  function send(message: HubMessage): void {
    if (destroyed) return
    if (delivery === 'sync') {
      dispatch(message)
      return
    }
    queue.push(message)
    if (delivery === 'microtask' && !microtaskPending) {
      microtaskPending = true
      queueMicrotask(() => {
        microtaskPending = false
        deliver()
      })
    }
  }

  function dispatch(message: HubMessage): void {
    const client = clients.get(message.to)
    if (client === undefined || !client.online) return
    const watcher = client.rooms.get(message.room)
    if (watcher === undefined) return
    stats[message.method]++
    const { sink } = watcher
    switch (message.method) {
      case 'snapshot':
        return sink.snapshot(message.payload)
      case 'join':
        return sink.join(message.payload)
      case 'update':
        return sink.update(message.payload)
      case 'leave':
        return sink.leave(message.payload)
      case 'typing':
        return sink.typing(message.payload)
      case 'raw':
        return (sink[message.sinkMethod] as (payload: unknown) => void)(message.payload)
    }
  }

  function deliver(count = Infinity): number {
    let delivered = 0
    while (queue.length > 0 && delivered < count) {
      dispatch(queue.shift()!)
      delivered++
    }
    return delivered
  }

  function fanOut(room: string, build: (to: string) => HubMessage): void {
    for (const watcher of watchers.get(room) ?? []) send(build(watcher.clientId))
  }

  function upsert(room: string, connectionId: string, entry: Omit<Entry, 'version'>): void {
    const entries = roomEntries(room)
    const isNew = !entries.has(connectionId)
    const stored: Entry = { ...entry, version: ++version }
    entries.set(connectionId, stored)
    const method = isNew ? 'join' : 'update'
    fanOut(room, (to) => ({ to, room, method, payload: toInput(connectionId, stored) }))
  }

  function remove(room: string, connectionId: string): void {
    const entries = rooms.get(room)
    const entry = entries?.get(connectionId)
    if (entry === undefined) return
    entries!.delete(connectionId)
    const payload: LeaveInput = { connectionId, userId: entry.userId, version: ++version }
    fanOut(room, (to) => ({ to, room, method: 'leave', payload: { ...payload } }))
  }

  function snapshotFor(room: string): ConnectionInput[] {
    return Array.from(roomEntries(room), ([id, entry]) => toInput(id, entry))
  }

  function resolve(client: PresenceAdapter | string): Client {
    const found = typeof client === 'string' ? clients.get(client) : byAdapter.get(client)
    if (found !== undefined) return found
    for (const c of clients.values()) if (c.connectionId === client) return c
    throw new Error('memory hub: unknown client')
  }

  function profileOf(user: Client['user']): UserInfo | undefined {
    const profile: Record<string, string> = {}
    if (typeof user.name === 'string') profile.name = user.name
    if (typeof user.avatarUrl === 'string') profile.avatarUrl = user.avatarUrl
    return Object.keys(profile).length > 0 ? profile : undefined
  }

  function openRoom(client: Client, room: string, sink: RoomSink): AdapterRoom {
    const watcher: Watcher = { clientId: client.clientId, sink, entered: false }
    client.rooms.set(room, watcher)
    let set = watchers.get(room)
    if (set === undefined) {
      set = new Set()
      watchers.set(room, set)
    }
    set.add(watcher)
    sink.status('connecting')
    if (client.online) {
      sink.status('connected', { connectionId: client.connectionId })
      send({ to: client.clientId, room, method: 'snapshot', payload: snapshotFor(room) })
    }
    const enter = (presence: LocalPresence) => {
      if (!client.online) return
      watcher.entered = true
      upsert(room, client.connectionId, {
        userId: client.user.id,
        data: structuredClone(presence.data) as PresenceData,
        activity: presence.activity,
        profile: profileOf(client.user),
      })
    }
    return {
      enter,
      update: (presence) => {
        if (watcher.entered) enter(presence)
      },
      leave: () => {
        watcher.entered = false
        if (client.online) remove(room, client.connectionId)
      },
      typing: (typing) => {
        if (!client.online || !watcher.entered) return
        const payload: TypingInput = { userId: client.user.id, connectionId: client.connectionId, typing }
        fanOut(room, (to) => ({ to, room, method: 'typing', payload: { ...payload } }))
      },
      close: () => {
        if (watcher.entered && client.online) remove(room, client.connectionId)
        watcher.entered = false
        set.delete(watcher)
        if (client.rooms.get(room) === watcher) client.rooms.delete(room)
      },
    }
  }

  return {
    adapter(adapterOptions = {}) {
      const clientId = `client-${++clientCount}`
      let client: Client | undefined
      const adapter: PresenceAdapter = {
        name: 'memory',
        openRoom: ({ room, user, sink }) => {
          if (client === undefined) {
            client = {
              clientId,
              connectionId: adapterOptions.connectionId ?? `${user.id}:${clientId}`,
              online: true,
              user: {
                id: user.id,
                ...(typeof user.name === 'string' ? { name: user.name } : {}),
                ...(typeof user.avatarUrl === 'string' ? { avatarUrl: user.avatarUrl } : {}),
              },
              rooms: new Map(),
              adapter,
            }
            clients.set(clientId, client)
            byAdapter.set(adapter, client)
          }
          return openRoom(client, room, sink)
        },
        destroy: () => {
          if (client === undefined) return
          for (const [room, watcher] of client.rooms) {
            if (watcher.entered && client.online) remove(room, client.connectionId)
            watchers.get(room)?.delete(watcher)
          }
          client.rooms.clear()
          clients.delete(clientId)
        },
      }
      return adapter
    },
    disconnect(target, disconnectOptions = {}) {
      const client = resolve(target)
      if (!client.online) return
      for (const watcher of client.rooms.values()) watcher.sink.status('reconnecting')
      client.online = false
      if (disconnectOptions.removeFromRoom ?? true) {
        for (const [room, watcher] of client.rooms) if (watcher.entered) remove(room, client.connectionId)
      }
    },
    reconnect(target, reconnectOptions = {}) {
      const client = resolve(target)
      client.online = true
      if (reconnectOptions.connectionId !== undefined) client.connectionId = reconnectOptions.connectionId
      for (const [room, watcher] of client.rooms) {
        watcher.entered = false
        watcher.sink.status('connected', { connectionId: client.connectionId })
        send({ to: client.clientId, room, method: 'snapshot', payload: snapshotFor(room) })
      }
    },
    inject(room, message) {
      fanOut(room, (to) => ({
        to,
        room,
        method: 'raw',
        payload: message.payload,
        sinkMethod: message.method,
      }))
    },
    addVirtual(room, connection) {
      const connectionId = connection.connectionId ?? `virtual-${++virtualCount}`
      upsert(room, connectionId, {
        userId: connection.userId,
        data: connection.data ?? {},
        activity: connection.activity ?? NO_ACTIVITY,
        profile: connection.profile,
      })
      return connectionId
    },
    updateVirtual(room, connectionId, change) {
      const entry = rooms.get(room)?.get(connectionId)
      if (entry === undefined) return
      upsert(room, connectionId, {
        userId: entry.userId,
        data: change.data ?? entry.data,
        activity: change.activity ?? entry.activity,
        profile: entry.profile,
      })
    },
    removeVirtual: remove,
    typingVirtual(room, connectionId, typing) {
      const entry = rooms.get(room)?.get(connectionId)
      if (entry === undefined) return
      const payload: TypingInput = { userId: entry.userId, connectionId, typing }
      fanOut(room, (to) => ({ to, room, method: 'typing', payload: { ...payload } }))
    },
    deliver,
    pending: () => queue.slice(),
    reorder(permute) {
      const next = permute(queue.slice())
      queue.length = 0
      queue.push(...next)
    },
    duplicate(index) {
      const message = queue[index]
      if (message !== undefined) queue.splice(index + 1, 0, message)
    },
    rooms: () => Array.from(rooms.keys()),
    connections: (room) => snapshotFor(room),
    stats: () => ({ ...stats }),
    destroy() {
      destroyed = true
      queue.length = 0
      rooms.clear()
      watchers.clear()
      clients.clear()
    },
  }
}
