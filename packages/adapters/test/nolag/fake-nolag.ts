import type { ActorPresence, NoLagClientLike } from '../../src/nolag/index.js'

type Handler = (actor: ActorPresence) => void

/**
 * A FAKE of the NoLag JS SDK, written from seed 001 because the SDK is not published. As the
 * document describes: presence is per client (`setPresence` replaces it), `presence:join`,
 * `presence:update` and `presence:leave` reach the other clients, `getPresence()` is the local
 * cache, `fetchPresence()` asks the server, and a client's presence is re-sent by the SDK after it
 * reconnects. The document does not show connection events; the fake's `connected` /
 * `disconnected` are the ones the adapter accepts. Delivery is asynchronous (a microtask).
 */
export class FakeNoLagServer {
  readonly clients = new Set<FakeNoLagClient>()
  readonly presences = new Map<string, ActorPresence>()
  #lastJoin = 0

  connect(actorTokenId: string): FakeNoLagClient {
    const client = new FakeNoLagClient(this, actorTokenId)
    this.clients.add(client)
    return client
  }

  set(from: FakeNoLagClient, presence: Record<string, unknown>): void {
    const known = this.presences.get(from.actorTokenId)
    // The time the actor connected: kept across its updates, new after a reconnect.
    const joinedAt = known?.joinedAt ?? (this.#lastJoin = Math.max(Date.now(), this.#lastJoin + 1))
    const actor: ActorPresence = {
      actorTokenId: from.actorTokenId,
      actorType: 'user',
      presence: JSON.parse(JSON.stringify(presence)) as Record<string, unknown>,
      joinedAt,
    }
    this.presences.set(from.actorTokenId, actor)
    this.broadcast(from, known !== undefined ? 'presence:update' : 'presence:join', actor)
  }

  remove(from: FakeNoLagClient): void {
    const actor = this.presences.get(from.actorTokenId)
    if (actor === undefined) return
    this.presences.delete(from.actorTokenId)
    this.broadcast(from, 'presence:leave', actor)
  }

  broadcast(from: FakeNoLagClient | undefined, event: string, actor: unknown): void {
    for (const client of this.clients) {
      if (client !== from && client.connected) queueMicrotask(() => client.deliver(event, actor))
    }
  }

  drop(client: FakeNoLagClient): void {
    if (!client.connected) return
    client.connected = false
    queueMicrotask(() => client.emit('disconnected'))
    this.remove(client)
  }

  restore(client: FakeNoLagClient): void {
    if (client.connected) return
    client.connected = true
    queueMicrotask(() => client.emit('connected'))
    // "Client-level presence is automatically re-sent on reconnect."
    if (client.presence !== undefined) this.set(client, client.presence)
  }
}

export class FakeNoLagClient implements NoLagClientLike {
  connected = true
  presence: Record<string, unknown> | undefined
  readonly #cache = new Map<string, ActorPresence>()
  readonly #handlers = new Map<string, Set<(arg: any) => void>>()
  readonly #server: FakeNoLagServer
  readonly actorTokenId: string

  constructor(server: FakeNoLagServer, actorTokenId: string) {
    this.#server = server
    this.actorTokenId = actorTokenId
  }

  setPresence(presence: Record<string, unknown>): void {
    this.presence = presence
    if (this.connected) this.#server.set(this, presence)
  }

  getPresence(): ActorPresence[] {
    return Array.from(this.#cache.values())
  }

  async fetchPresence(): Promise<ActorPresence[]> {
    if (!this.connected) throw new Error('not connected')
    return Array.from(
      this.#server.presences.values(),
      (actor) => JSON.parse(JSON.stringify(actor)) as ActorPresence,
    )
  }

  on(event: string, handler: (arg: any) => void): void {
    let set = this.#handlers.get(event)
    if (set === undefined) this.#handlers.set(event, (set = new Set()))
    set.add(handler)
  }

  off(event: string, handler: (arg: any) => void): void {
    this.#handlers.get(event)?.delete(handler)
  }

  deliver(event: string, actor: unknown): void {
    const id = (actor as { actorTokenId?: string }).actorTokenId
    if (typeof id === 'string') {
      if (event === 'presence:leave') this.#cache.delete(id)
      else this.#cache.set(id, actor as ActorPresence)
    }
    for (const handler of Array.from(this.#handlers.get(event) ?? []) as Handler[])
      handler(actor as ActorPresence)
  }

  emit(event: string): void {
    for (const handler of Array.from(this.#handlers.get(event) ?? [])) handler(undefined)
  }
}
