import type * as Ably from 'ably'
import type { AblyChannelLike, AblyPresenceLike, AblyRealtimeLike } from '../../src/ably/index.js'

type PresenceListener = Ably.messageCallback<Ably.PresenceMessage>
type MessageListener = Ably.messageCallback<Ably.InboundMessage>
type StateListener = Ably.channelEventCallback

/**
 * A FAKE of Ably Pub/Sub channel presence: no Ably service can run here. Its classes implement the
 * adapter's view of the real `ably` 2.x types (`Pick`s of `RealtimeChannel`, `RealtimePresence`,
 * `Connection`, `Auth`), so a change of those signatures fails the typecheck. What it does follows
 * Ably's documented behaviour: presence messages carry `connectionId:msgSerial:index` ids and
 * timestamps; entering again is an `update`; when a connection is lost the channel is
 * `suspended` and the server makes a `leave` of its own (an id not prefixed by the connection id);
 * when it comes back the channel goes `attaching` then `attached` and the SDK enters its members
 * again. Delivery is asynchronous (a microtask), as over a socket.
 */
export class FakeAblyService {
  readonly #channels = new Map<
    string,
    { members: Map<string, Ably.PresenceMessage>; clients: Set<FakeRealtime> }
  >()
  #synthesized = 0

  client(clientId: string): FakeRealtime {
    return new FakeRealtime(this, clientId)
  }

  room(name: string) {
    let room = this.#channels.get(name)
    if (room === undefined) this.#channels.set(name, (room = { members: new Map(), clients: new Set() }))
    return room
  }

  presence(name: string, message: Ably.PresenceMessage): void {
    const room = this.room(name)
    const key = `${message.connectionId}:${message.clientId}`
    if (message.action === 'leave') room.members.delete(key)
    else room.members.set(key, { ...message, action: 'present' })
    this.deliverPresence(name, message)
  }

  deliverPresence(name: string, message: unknown): void {
    for (const client of this.room(name).clients) {
      if (client.connected)
        queueMicrotask(() => client.channel(name).receivePresence(message as Ably.PresenceMessage))
    }
  }

  message(name: string, message: Ably.InboundMessage): void {
    for (const client of this.room(name).clients) {
      if (client.connected) queueMicrotask(() => client.channel(name).receiveMessage(message))
    }
  }

  /** The connection is lost: its channels are suspended and the server leaves its members. */
  drop(client: FakeRealtime): void {
    client.connected = false
    for (const [name, room] of this.#channels) {
      if (!room.clients.has(client)) continue
      client.channel(name).setState('suspended')
      for (const [key, member] of Array.from(room.members)) {
        if (member.connectionId !== client.connection.id) continue
        room.members.delete(key)
        this.deliverPresence(name, {
          ...member,
          action: 'leave',
          id: `synthesized-${++this.#synthesized}:0:0`,
          timestamp: Date.now(),
        })
      }
    }
  }

  restore(client: FakeRealtime): void {
    client.connected = true
    for (const [name, room] of this.#channels) {
      if (!room.clients.has(client)) continue
      const channel = client.channel(name)
      channel.setState('attaching')
      queueMicrotask(() => {
        channel.setState('attached')
        // RTP17: the SDK enters its members again after re-attaching.
        if (channel.entered !== undefined) void channel.presence.enter(channel.entered)
      })
    }
  }
}

export class FakeRealtime implements AblyRealtimeLike {
  connected = true
  readonly connection: Pick<Ably.Connection, 'id'>
  readonly auth: Pick<Ably.Auth, 'clientId'>
  readonly #channels = new Map<string, FakeChannel>()
  readonly service: FakeAblyService
  serial = 0

  constructor(service: FakeAblyService, clientId: string) {
    this.service = service
    this.connection = { id: `conn-${Math.random().toString(36).slice(2, 10)}` }
    this.auth = { clientId }
  }

  readonly channels = {
    get: (name: string): FakeChannel => this.channel(name),
  }

  channel(name: string): FakeChannel {
    let channel = this.#channels.get(name)
    if (channel === undefined) {
      channel = new FakeChannel(this, name)
      this.#channels.set(name, channel)
      this.service.room(name).clients.add(this)
    }
    return channel
  }
}

class FakePresence implements AblyPresenceLike {
  readonly #channel: FakeChannel
  readonly listeners = new Set<PresenceListener>()

  constructor(channel: FakeChannel) {
    this.#channel = channel
  }

  async enter(data?: unknown): Promise<void> {
    const key = this.#channel.ownKey()
    const present = this.#channel.service.room(this.#channel.name).members.has(key)
    this.#channel.entered = data
    this.#send(present ? 'update' : 'enter', data)
  }

  async update(data?: unknown): Promise<void> {
    await this.enter(data)
  }

  async leave(data?: unknown): Promise<void> {
    this.#channel.entered = undefined
    this.#send('leave', data)
  }

  async get(_params?: Ably.RealtimePresenceParams | null): Promise<Ably.PresenceMessage[]> {
    if (!this.#channel.client.connected) throw new Error('not connected')
    return Array.from(this.#channel.service.room(this.#channel.name).members.values(), (m) =>
      structuredClone(m),
    )
  }

  // One implementation of the overloads: (listener?) is what the adapter calls.
  async subscribe(
    first?: Ably.PresenceAction | Ably.PresenceAction[] | PresenceListener,
    second?: PresenceListener,
  ): Promise<void> {
    const listener = typeof first === 'function' ? first : second
    if (listener !== undefined) this.listeners.add(listener)
    this.#channel.attachSoon()
  }

  unsubscribe(
    first?: Ably.PresenceAction | Ably.PresenceAction[] | PresenceListener,
    second?: PresenceListener,
  ): void {
    const listener = typeof first === 'function' ? first : second
    if (listener === undefined) this.listeners.clear()
    else this.listeners.delete(listener)
  }

  #send(action: Ably.PresenceAction, data: unknown): void {
    const client = this.#channel.client
    if (!client.connected) throw new Error('not connected')
    const message: Ably.PresenceMessage = {
      action,
      clientId: client.auth.clientId!,
      connectionId: client.connection.id!,
      data: structuredClone(data),
      encoding: '',
      extras: undefined,
      id: `${client.connection.id}:${++client.serial}:0`,
      timestamp: Date.now(),
    }
    this.#channel.service.presence(this.#channel.name, message)
  }
}

export class FakeChannel implements AblyChannelLike {
  state: Ably.ChannelState = 'initialized'
  entered: unknown
  readonly presence: FakePresence
  readonly #stateListeners = new Set<StateListener>()
  readonly #messageListeners = new Map<string, Set<MessageListener>>()
  readonly client: FakeRealtime
  readonly name: string

  constructor(client: FakeRealtime, name: string) {
    this.client = client
    this.name = name
    this.presence = new FakePresence(this)
  }

  get service(): FakeAblyService {
    return this.client.service
  }

  ownKey(): string {
    return `${this.client.connection.id}:${this.client.auth.clientId}`
  }

  attachSoon(): void {
    if (this.state !== 'initialized') return
    this.setState('attaching')
    queueMicrotask(() => this.setState('attached'))
  }

  setState(current: Ably.ChannelState): void {
    const previous = this.state
    this.state = current
    const change: Ably.ChannelStateChange = { current, previous, resumed: false }
    for (const listener of Array.from(this.#stateListeners)) listener(change)
  }

  // The adapter listens to every state change: (callback) of the overloads.
  on(first: Ably.ChannelEvent | Ably.ChannelEvent[] | StateListener, second?: StateListener): void {
    const listener = typeof first === 'function' ? first : second
    if (listener !== undefined) this.#stateListeners.add(listener)
  }

  off(first?: Ably.ChannelEvent | StateListener, second?: StateListener): void {
    const listener = typeof first === 'function' ? first : second
    if (listener === undefined) this.#stateListeners.clear()
    else this.#stateListeners.delete(listener)
  }

  // One implementation of the overloads; the adapter uses (name, listener) and (name, data).
  async subscribe(
    first: string | string[] | Ably.MessageFilter | MessageListener,
    second?: MessageListener,
  ): Promise<Ably.ChannelStateChange | null> {
    if (typeof first !== 'string') throw new Error('the fake takes a message name')
    let set = this.#messageListeners.get(first)
    if (set === undefined) this.#messageListeners.set(first, (set = new Set()))
    if (second !== undefined) set.add(second)
    this.attachSoon()
    return null
  }

  unsubscribe(
    first?: string | string[] | Ably.MessageFilter | MessageListener,
    second?: MessageListener,
  ): void {
    if (first === undefined) this.#messageListeners.clear()
    else if (typeof first !== 'string') throw new Error('the fake takes a message name')
    else if (second === undefined) this.#messageListeners.delete(first)
    else this.#messageListeners.get(first)?.delete(second)
  }

  async publish(first: string | Ably.Message | Ably.Message[], data?: unknown): Promise<Ably.PublishResult> {
    if (typeof first !== 'string') throw new Error('the fake takes a message name')
    if (!this.client.connected) throw new Error('not connected')
    const message = {
      id: `${this.client.connection.id}:${++this.client.serial}:0`,
      name: first,
      data: structuredClone(data),
      clientId: this.client.auth.clientId,
      connectionId: this.client.connection.id,
      timestamp: Date.now(),
    } as unknown as Ably.InboundMessage
    this.service.message(this.name, message)
    return { serials: [message.id] }
  }

  receivePresence(message: Ably.PresenceMessage): void {
    for (const listener of Array.from(this.presence.listeners)) listener(structuredClone(message))
  }

  receiveMessage(message: Ably.InboundMessage): void {
    for (const listener of Array.from(this.#messageListeners.get(message.name ?? '') ?? [])) listener(message)
  }
}
