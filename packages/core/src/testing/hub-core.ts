import type { ConnectionInput, PresenceAdapter } from '../adapter.js'
import { cloneWire } from './clone-wire.js'
import { DeliveryQueue } from './delivery-queue.js'
import {
  SINK_METHODS,
  copyConnection,
  toConnectionInput,
  type Delivery,
  type Envelope,
  type HubClient,
  type HubEntry,
  type HubRoom,
  type HubWatcher,
} from './hub-model.js'
import type { MemoryHubOptions, PendingMessage, SinkMethod } from './memory-hub-types.js'

function rethrowLater(error: unknown): void {
  queueMicrotask(() => {
    throw error
  })
}

/**
 * The hub's state and the server's rules: who is in which room, who watches it, one version counter
 * for every join, update and leave, and fan-out through one delivery queue.
 */
export class HubCore {
  readonly rooms = new Map<string, HubRoom>()
  readonly clients = new Map<PresenceAdapter, HubClient>()
  readonly delivered = Object.fromEntries(SINK_METHODS.map((method) => [method, 0])) as Record<
    SinkMethod,
    number
  >
  readonly queue: DeliveryQueue
  dropped = 0
  version = 0
  destroyed = false
  private readonly onSinkError: (error: unknown, message: PendingMessage) => void

  constructor(options: MemoryHubOptions) {
    const mode = options.delivery ?? 'sync'
    if (mode !== 'sync' && mode !== 'microtask' && mode !== 'manual') {
      throw new RangeError(
        `createMemoryHub: delivery must be 'sync', 'microtask' or 'manual', got ${String(mode)}.`,
      )
    }
    this.onSinkError = options.onSinkError ?? rethrowLater
    this.queue = new DeliveryQueue(mode, (envelope) => this.send(envelope))
  }

  room(name: string): HubRoom {
    let room = this.rooms.get(name)
    if (room === undefined) {
      room = { name, entries: new Map(), watchers: new Set() }
      this.rooms.set(name, room)
    }
    return room
  }

  /** Forgets a room nobody watches or is in, so `rooms()` lists live rooms only. */
  releaseIfEmpty(room: HubRoom): void {
    if (room.entries.size === 0 && room.watchers.size === 0 && this.rooms.get(room.name) === room) {
      this.rooms.delete(room.name)
    }
  }

  clientOf(ref: PresenceAdapter | string): HubClient | undefined {
    if (typeof ref !== 'string') return this.clients.get(ref)
    for (const client of this.clients.values()) if (client.connectionId === ref) return client
    return undefined
  }

  envelope(
    watcher: HubWatcher,
    method: SinkMethod,
    args: readonly unknown[],
    delivery: Delivery = 'clone',
  ): Envelope {
    const message: PendingMessage = {
      room: watcher.room.name,
      to: watcher.client.connectionId,
      method,
      payload: args[0],
      ...(args.length > 1 ? { detail: args[1] } : {}),
    }
    return { message, watcher, session: watcher.client.session, args, delivery }
  }

  /** What a client gets each time its link to a room comes up: `connected`, then the full roster. */
  welcome(watcher: HubWatcher): Envelope[] {
    return [
      this.envelope(watcher, 'status', ['connected', { connectionId: watcher.client.connectionId }]),
      this.snapshot(watcher),
    ]
  }

  /**
   * The room's entries as they are now (replaced, never changed, so the list stays as it was while
   * queued). Each is copied once, straight into the connection the client receives; the payload
   * `hub.pending()` shows is built only if a test reads it.
   */
  snapshot(watcher: HubWatcher): Envelope {
    const entries = [...watcher.room.entries.values()]
    let connections: ConnectionInput[] | undefined
    const message: PendingMessage = {
      room: watcher.room.name,
      to: watcher.client.connectionId,
      method: 'snapshot',
      get payload() {
        return (connections ??= entries.map(toConnectionInput))
      },
    }
    return { message, watcher, session: watcher.client.session, args: [entries], delivery: 'snapshot' }
  }

  /** One message for every watcher whose link is up, the sender included: real backends echo. */
  broadcast(room: HubRoom, method: SinkMethod, payload: unknown): Envelope[] {
    const envelopes: Envelope[] = []
    for (const watcher of room.watchers) {
      if (watcher.client.connected) envelopes.push(this.envelope(watcher, method, [payload]))
    }
    return envelopes
  }

  post(envelopes: readonly Envelope[]): void {
    this.queue.push(envelopes)
  }

  /** Adds or changes a connection: watchers get a `join` the first time and an `update` after. */
  upsert(room: HubRoom, next: Omit<HubEntry, 'version'>): HubEntry {
    const existing = room.entries.get(next.connectionId)
    // Field by field rather than a spread: a crowd of 100,000 makes as many entries at once.
    const entry: HubEntry = {
      connectionId: next.connectionId,
      userId: next.userId,
      data: next.data,
      activity: next.activity,
      profile: next.profile,
      version: ++this.version,
      owner: next.owner,
      virtual: next.virtual,
    }
    room.entries.set(entry.connectionId, entry)
    // Crowds fill rooms nobody watches yet: skip building a message nobody gets.
    if (room.watchers.size > 0) {
      this.post(this.broadcast(room, existing === undefined ? 'join' : 'update', toConnectionInput(entry)))
    }
    return entry
  }

  /** Removes a connection: every watcher gets a `leave`. */
  remove(room: HubRoom, connectionId: string): boolean {
    const entry = room.entries.get(connectionId)
    if (entry === undefined) return false
    room.entries.delete(connectionId)
    if (entry.owner !== undefined && entry.owner.entryId === connectionId) entry.owner.entryId = undefined
    const version = ++this.version
    this.post(this.broadcast(room, 'leave', { connectionId, userId: entry.userId, version }))
    this.releaseIfEmpty(room)
    return true
  }

  /** The server has not noticed the client go: its presence stays, with nobody behind it. */
  orphan(watcher: HubWatcher): void {
    const id = watcher.entryId
    if (id === undefined) return
    watcher.entryId = undefined
    const entry = watcher.room.entries.get(id)
    if (entry?.owner === watcher) watcher.room.entries.set(id, { ...entry, owner: undefined })
  }

  destroy(): void {
    this.destroyed = true
    this.queue.clear()
    for (const client of this.clients.values()) {
      client.destroyed = true
      for (const watcher of client.watchers.values()) watcher.closed = true
      client.watchers.clear()
    }
    this.clients.clear()
    this.rooms.clear()
  }

  private send(envelope: Envelope): void {
    const { watcher, message } = envelope
    if (this.destroyed || watcher.closed || watcher.client.session !== envelope.session) {
      this.dropped++
      return
    }
    // A real wire hands each receiver its own parsed copy; the store freezes and keeps what it gets.
    const args =
      envelope.delivery === 'raw'
        ? envelope.args
        : envelope.delivery === 'snapshot'
          ? [(envelope.args[0] as readonly HubEntry[]).map(copyConnection)]
          : envelope.args.map((arg) => cloneWire(arg))
    this.delivered[message.method]++
    try {
      Reflect.apply(watcher.sink[message.method], watcher.sink, args)
    } catch (error) {
      this.onSinkError(error, message)
    }
  }
}
