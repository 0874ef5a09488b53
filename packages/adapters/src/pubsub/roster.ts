import type { ActivityReport, ConnectionInput, PresenceData, RoomSink } from '@presence-kit/core'

interface Client {
  data: PresenceData
  activity: ActivityReport | undefined
  /** The packet timestamp it came online with (the SDK's ordering). */
  version: number | undefined
  /** Whether the store has heard of it. */
  shown: boolean
}

/**
 * Who is online in one topic and what they said about themselves. A client that comes online is
 * shown once its data arrives (its `join` carries the data, never a join and then an update), or
 * after `gatherMs` without it (a client that does not run the kit). While a snapshot is gathered,
 * nothing is told to the store until `deliverSnapshot`.
 */
export class PubSubRoster {
  readonly #clients = new Map<string, Client>()
  readonly #userIdOf: (clientId: string) => string
  readonly #sink: RoomSink
  #gathering = false
  #pendingTimer: ReturnType<typeof setTimeout> | undefined
  readonly #waitMs: number

  constructor(userIdOf: (clientId: string) => string, sink: RoomSink, waitMs = 250) {
    this.#userIdOf = userIdOf
    this.#sink = sink
    this.#waitMs = waitMs
  }

  /** True when the client is new here. */
  online(clientId: string, version?: number): boolean {
    if (this.#clients.has(clientId)) return false
    this.#clients.set(clientId, { data: {}, activity: undefined, version, shown: false })
    this.#showPendingSoon()
    return true
  }

  offline(clientId: string, version: number | undefined): void {
    const client = this.#clients.get(clientId)
    if (client === undefined) return
    this.#clients.delete(clientId)
    if (client.shown && !this.#gathering) {
      this.#sink.leave({ connectionId: clientId, userId: this.#userIdOf(clientId), ...versioned(version) })
    }
  }

  /** A full list of the topic's subscribers. */
  subscribers(ids: readonly string[]): void {
    const listed = new Set(ids)
    for (const id of Array.from(this.#clients.keys())) if (!listed.has(id)) this.offline(id, undefined)
    for (const id of ids) this.online(id)
  }

  /** A client's data: a kit client publishes it only while it is online in the topic. */
  state(clientId: string, data: PresenceData, activity: ActivityReport | undefined): void {
    let client = this.#clients.get(clientId)
    if (client === undefined) {
      client = { data, activity, version: undefined, shown: false }
      this.#clients.set(clientId, client)
    }
    client.data = data
    client.activity = activity
    if (this.#gathering) return
    const wasShown = client.shown
    client.shown = true
    if (wasShown) this.#sink.update(this.#connection(clientId, client, false))
    else this.#sink.join(this.#connection(clientId, client, true))
  }

  /** A new link: gather until `deliverSnapshot`. */
  gather(): void {
    this.#gathering = true
  }

  deliverSnapshot(): void {
    this.#gathering = false
    clearTimeout(this.#pendingTimer)
    this.#pendingTimer = undefined
    const connections: ConnectionInput[] = []
    for (const [id, client] of this.#clients) {
      client.shown = true
      connections.push(this.#connection(id, client, true))
    }
    this.#sink.snapshot(connections)
  }

  clear(): void {
    clearTimeout(this.#pendingTimer)
    this.#clients.clear()
  }

  #showPendingSoon(): void {
    if (this.#gathering || this.#pendingTimer !== undefined) return
    this.#pendingTimer = setTimeout(() => {
      this.#pendingTimer = undefined
      if (this.#gathering) return
      for (const [id, client] of this.#clients) {
        if (client.shown) continue
        client.shown = true
        this.#sink.join(this.#connection(id, client, true))
      }
    }, this.#waitMs)
  }

  #connection(clientId: string, client: Client, withVersion: boolean): ConnectionInput {
    return {
      connectionId: clientId,
      userId: this.#userIdOf(clientId),
      data: client.data,
      ...(client.activity === undefined ? {} : { activity: client.activity }),
      ...(withVersion ? versioned(client.version) : {}),
    }
  }
}

function versioned(version: number | undefined): { version?: number } {
  return version === undefined ? {} : { version }
}
