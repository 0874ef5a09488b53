import type { PresencePacket, PubSubClientLike, PubSubMessage } from '../../src/pubsub/index.js'

/**
 * A FAKE of the pub/sub SDK of seed 000, written from that document because the SDK is not
 * published. It implements the documented surface: `onPresence(topic, handler)` (a promise),
 * `offPresence`, `clearPresenceHandlers`, `subscribe` / `unsubscribe` / `publish` with messages
 * `{ senderId, payload }`, and presence packets `{ clientId, topic, status, timestamp,
 * subscribers }` sent when a client subscribes (online), unsubscribes or loses its connection
 * (offline) and comes back (online). The seed names connection management without documenting
 * it; the fake's `on('connected' | 'disconnected')` is the part the adapter accepts for it.
 * Delivery is asynchronous (a microtask), as over a socket.
 */
export class FakePubSubServer {
  readonly #clients = new Set<FakePubSubClient>()
  #time = 1_000

  connect(clientId: string): FakePubSubClient {
    const client = new FakePubSubClient(this, clientId)
    this.#clients.add(client)
    return client
  }

  /** Every topic subscriber's client id, in subscription order. */
  subscribers(topic: string): string[] {
    return Array.from(this.#clients)
      .filter((c) => c.connected && c.subscriptions.has(topic))
      .map((c) => c.clientId)
  }

  presence(topic: string, clientId: string, status: 'online' | 'offline'): void {
    const packet: PresencePacket = {
      clientId,
      topic,
      status,
      timestamp: ++this.#time,
      subscribers: this.subscribers(topic),
    }
    this.#deliverPresence(topic, packet)
  }

  message(topic: string, senderId: string, payload: unknown): void {
    const message: PubSubMessage = { senderId, payload }
    for (const client of this.#clients) {
      if (client.connected)
        for (const handler of client.subscriptions.get(topic) ?? []) later(() => handler(message))
    }
  }

  /** Sends anything to the presence handlers of a topic (for malformed packets). */
  inject(topic: string, packet: unknown): void {
    this.#deliverPresence(topic, packet as PresencePacket)
  }

  #deliverPresence(topic: string, packet: PresencePacket): void {
    for (const client of this.#clients) {
      if (client.connected)
        for (const handler of client.presenceHandlers.get(topic) ?? []) later(() => handler(packet))
    }
  }

  drop(client: FakePubSubClient): void {
    if (!client.connected) return
    client.connected = false
    later(() => client.emit('disconnected'))
    for (const topic of client.subscriptions.keys()) this.presence(topic, client.clientId, 'offline')
  }

  restore(client: FakePubSubClient): void {
    if (client.connected) return
    client.connected = true
    later(() => client.emit('connected'))
    for (const topic of client.subscriptions.keys()) this.presence(topic, client.clientId, 'online')
  }

  close(): void {
    this.#clients.clear()
  }
}

export class FakePubSubClient implements PubSubClientLike {
  connected = true
  readonly subscriptions = new Map<string, Set<(message: PubSubMessage) => void>>()
  readonly presenceHandlers = new Map<string, Set<(packet: PresencePacket) => void>>()
  readonly #events = new Map<string, Set<() => void>>()
  readonly #server: FakePubSubServer
  readonly clientId: string

  constructor(server: FakePubSubServer, clientId: string) {
    this.#server = server
    this.clientId = clientId
  }

  async onPresence(topic: string, handler: (packet: PresencePacket) => void): Promise<void> {
    set(this.presenceHandlers, topic).add(handler)
  }

  offPresence(topic: string, handler: (packet: PresencePacket) => void): void {
    this.presenceHandlers.get(topic)?.delete(handler)
  }

  clearPresenceHandlers(topic: string): void {
    this.presenceHandlers.delete(topic)
  }

  async subscribe(topic: string, handler: (message: PubSubMessage) => void): Promise<void> {
    const isNew = !this.subscriptions.has(topic)
    set(this.subscriptions, topic).add(handler)
    if (isNew && this.connected) this.#server.presence(topic, this.clientId, 'online')
  }

  async unsubscribe(topic: string, handler?: (message: PubSubMessage) => void): Promise<void> {
    const handlers = this.subscriptions.get(topic)
    if (handlers === undefined) return
    if (handler !== undefined) handlers.delete(handler)
    if (handler === undefined || handlers.size === 0) {
      this.subscriptions.delete(topic)
      if (this.connected) this.#server.presence(topic, this.clientId, 'offline')
    }
  }

  async publish(topic: string, payload: unknown): Promise<void> {
    if (!this.connected) throw new Error('not connected')
    this.#server.message(topic, this.clientId, payload)
  }

  on(event: 'connected' | 'disconnected', handler: () => void): void {
    set(this.#events, event).add(handler)
  }

  off(event: 'connected' | 'disconnected', handler: () => void): void {
    this.#events.get(event)?.delete(handler)
  }

  emit(event: string): void {
    for (const handler of Array.from(this.#events.get(event) ?? [])) handler()
  }
}

function set<K, V>(map: Map<K, Set<V>>, key: K): Set<V> {
  let value = map.get(key)
  if (value === undefined) map.set(key, (value = new Set()))
  return value
}

function later(task: () => void): void {
  queueMicrotask(task)
}
