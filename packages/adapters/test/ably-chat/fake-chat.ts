import {
  PresenceEventType,
  RoomStatus,
  TypingEventType,
  TypingSetEventType,
  type PresenceData,
  type PresenceEvent,
  type PresenceListener,
  type PresenceMember,
  type Presence,
  type RoomStatusListener,
  type StatusSubscription,
  type Subscription,
  type Typing,
  type TypingListener,
  type TypingMember,
} from '@ably/chat'
import type * as Ably from 'ably'
import type { AblyChatClientLike, AblyChatRoomLike } from '../../src/ably-chat/index.js'

/**
 * A FAKE of Ably Chat rooms: no Ably service can run here. Its classes implement `@ably/chat`'s own
 * `Presence` and `Typing` interfaces and the adapter's `Pick` of `Room`, so a change of those
 * signatures fails the typecheck. It follows Chat's documented behaviour: presence events `enter`,
 * `update`, `leave`, `present` with members `{ clientId, connectionId, data, updatedAt }`; `get()`
 * and `isUserPresent()`; enter and typing only while the room is attached; a lost connection
 * suspends the room, the server leaves its members, and they are entered again once re-attached;
 * `keystroke()` starts typing, `stop()` ends it, and receivers drop a typer after the room's
 * inactivity timeout (short here, as if configured so).
 */
export class FakeChatService {
  readonly rooms = new Map<string, { members: Map<string, PresenceMember>; parts: Set<FakeChatRoom> }>()
  constructor(readonly typingTimeoutMs = 400) {}

  client(clientId: string): FakeChatClient {
    return new FakeChatClient(this, clientId)
  }

  room(name: string) {
    let room = this.rooms.get(name)
    if (room === undefined) this.rooms.set(name, (room = { members: new Map(), parts: new Set() }))
    return room
  }

  presence(name: string, type: PresenceEventType, member: PresenceMember): void {
    const room = this.room(name)
    const key = `${member.connectionId}:${member.clientId}`
    if (type === PresenceEventType.Leave) room.members.delete(key)
    else room.members.set(key, member)
    this.deliver(name, { type, member })
  }

  deliver(name: string, event: unknown): void {
    for (const part of this.room(name).parts) {
      if (part.status === RoomStatus.Attached)
        queueMicrotask(() => part.presence.receive(event as PresenceEvent))
    }
  }

  typing(name: string, clientId: string, type: TypingEventType): void {
    for (const part of this.room(name).parts) {
      if (part.status === RoomStatus.Attached) queueMicrotask(() => part.typing.receive(clientId, type))
    }
  }

  drop(client: FakeChatClient): void {
    client.connected = false
    for (const part of client.parts()) {
      part.setStatus(RoomStatus.Suspended)
      const room = this.room(part.name)
      for (const [key, member] of Array.from(room.members)) {
        if (member.connectionId !== client.connectionId) continue
        room.members.delete(key)
        this.deliver(part.name, {
          type: PresenceEventType.Leave,
          member: { ...member, updatedAt: new Date() },
        })
      }
    }
  }

  restore(client: FakeChatClient): void {
    client.connected = true
    for (const part of client.parts()) {
      part.setStatus(RoomStatus.Attaching)
      queueMicrotask(() => {
        part.setStatus(RoomStatus.Attached)
        if (part.presence.entered !== undefined) void part.presence.enter(part.presence.entered)
      })
    }
  }
}

export class FakeChatClient implements AblyChatClientLike {
  connected = true
  readonly connectionId = `conn-${Math.random().toString(36).slice(2, 10)}`
  readonly realtime = { connection: { id: this.connectionId } }
  readonly #parts = new Map<string, FakeChatRoom>()

  constructor(
    readonly service: FakeChatService,
    readonly clientId: string,
  ) {}

  readonly rooms = {
    get: async (name: string): Promise<FakeChatRoom> => {
      let part = this.#parts.get(name)
      if (part === undefined) {
        part = new FakeChatRoom(this, name)
        this.#parts.set(name, part)
        this.service.room(name).parts.add(part)
      }
      return part
    },
  }

  parts(): FakeChatRoom[] {
    return Array.from(this.#parts.values())
  }
}

export class FakeChatRoom implements AblyChatRoomLike {
  status: RoomStatus = RoomStatus.Initialized
  readonly presence: FakeChatPresence
  readonly typing: FakeChatTyping
  readonly #listeners = new Set<RoomStatusListener>()

  constructor(
    readonly client: FakeChatClient,
    readonly name: string,
  ) {
    this.presence = new FakeChatPresence(this)
    this.typing = new FakeChatTyping(this)
  }

  onStatusChange(listener: RoomStatusListener): StatusSubscription {
    this.#listeners.add(listener)
    return { off: () => this.#listeners.delete(listener) }
  }

  async attach(): Promise<void> {
    if (this.status === RoomStatus.Attached) return
    this.setStatus(RoomStatus.Attaching)
    await Promise.resolve()
    this.setStatus(RoomStatus.Attached)
  }

  setStatus(current: RoomStatus): void {
    const previous = this.status
    this.status = current
    for (const listener of Array.from(this.#listeners)) listener({ current, previous })
  }

  assertAttached(): void {
    if (this.status !== RoomStatus.Attached) throw new Error(`room is ${this.status}`)
  }
}

class FakeChatPresence implements Presence {
  entered: PresenceData | undefined
  readonly #listeners = new Set<PresenceListener>()
  readonly #room: FakeChatRoom

  constructor(room: FakeChatRoom) {
    this.#room = room
  }

  async get(_params?: Ably.RealtimePresenceParams): Promise<PresenceMember[]> {
    this.#room.assertAttached()
    return Array.from(this.#room.client.service.room(this.#room.name).members.values(), (m) =>
      structuredClone(m),
    )
  }

  async isUserPresent(clientId: string): Promise<boolean> {
    return (await this.get()).some((member) => member.clientId === clientId)
  }

  async enter(data?: PresenceData): Promise<void> {
    this.#send(this.#isPresent() ? PresenceEventType.Update : PresenceEventType.Enter, data)
    this.entered = data ?? {}
  }

  async update(data?: PresenceData): Promise<void> {
    await this.enter(data)
  }

  async leave(data?: PresenceData): Promise<void> {
    this.entered = undefined
    this.#send(PresenceEventType.Leave, data)
  }

  subscribe(listener: PresenceListener): Subscription {
    this.#listeners.add(listener)
    return { unsubscribe: () => this.#listeners.delete(listener) }
  }

  receive(event: PresenceEvent): void {
    for (const listener of Array.from(this.#listeners)) listener(structuredClone(event))
  }

  #isPresent(): boolean {
    const { client, name } = this.#room
    return client.service.room(name).members.has(`${client.connectionId}:${client.clientId}`)
  }

  #send(type: PresenceEventType, data: PresenceData | undefined): void {
    this.#room.assertAttached()
    const { client, name } = this.#room
    const member: PresenceMember = {
      clientId: client.clientId,
      connectionId: client.connectionId,
      data: data === undefined ? undefined : structuredClone(data),
      encoding: '',
      extras: undefined,
      updatedAt: new Date(),
    }
    client.service.presence(name, type, member)
  }
}

class FakeChatTyping implements Typing {
  readonly #listeners = new Set<TypingListener>()
  readonly #current = new Map<string, ReturnType<typeof setTimeout>>()
  readonly #room: FakeChatRoom

  constructor(room: FakeChatRoom) {
    this.#room = room
  }

  subscribe(listener: TypingListener): Subscription {
    this.#listeners.add(listener)
    return { unsubscribe: () => this.#listeners.delete(listener) }
  }

  get current(): Set<string> {
    return new Set(this.#current.keys())
  }

  get currentTypers(): TypingMember[] {
    return Array.from(this.#current.keys(), (clientId) => ({ clientId }))
  }

  async keystroke(): Promise<void> {
    this.#room.assertAttached()
    const { client, name } = this.#room
    client.service.typing(name, client.clientId, TypingEventType.Started)
  }

  async stop(): Promise<void> {
    this.#room.assertAttached()
    const { client, name } = this.#room
    client.service.typing(name, client.clientId, TypingEventType.Stopped)
  }

  receive(clientId: string, type: TypingEventType): void {
    clearTimeout(this.#current.get(clientId))
    if (type === TypingEventType.Started) {
      const wasTyping = this.#current.has(clientId)
      this.#current.set(
        clientId,
        setTimeout(
          () => this.receive(clientId, TypingEventType.Stopped),
          this.#room.client.service.typingTimeoutMs,
        ),
      )
      if (wasTyping) return
    } else if (!this.#current.delete(clientId)) {
      return
    }
    const event = {
      type: TypingSetEventType.SetChanged,
      currentlyTyping: this.current,
      currentTypers: this.currentTypers,
      change: { clientId, type },
    }
    for (const listener of Array.from(this.#listeners)) listener(event)
  }
}
