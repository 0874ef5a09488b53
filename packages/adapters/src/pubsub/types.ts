import type { ConnectOptions } from '../shared/environment.js'
/** What the SDK reports when a client's presence on a topic changes (seed 000's `PresencePacket`). */
export interface PresencePacket {
  readonly clientId: string
  readonly topic: string
  readonly status: 'online' | 'offline'
  readonly timestamp: number
  /** The topic's current subscribers, when the SDK sends them. */
  readonly subscribers?: readonly string[]
}

/** A message on a topic, as the SDK hands it to a subscriber. */
export interface PubSubMessage {
  readonly senderId: string
  readonly payload: unknown
}

/**
 * The documented surface of the pub/sub SDK (its package is not published, so any object with
 * these methods will do). Subscribing to a topic makes the client online there.
 */
export interface PubSubClientLike {
  onPresence(topic: string, handler: (presence: PresencePacket) => void): Promise<void> | void
  offPresence(topic: string, handler: (presence: PresencePacket) => void): void
  subscribe(topic: string, handler: (message: PubSubMessage) => void): Promise<unknown> | unknown
  unsubscribe(topic: string, handler?: (message: PubSubMessage) => void): Promise<unknown> | unknown
  publish(topic: string, payload: unknown): Promise<unknown> | unknown
  /** This client's id, as other clients see it in packets. */
  readonly clientId?: string
  /** Connection events, when the SDK has them. */
  on?(event: 'connected' | 'disconnected', handler: () => void): void
  off?(event: 'connected' | 'disconnected', handler: () => void): void
}

export interface PubSubAdapterOptions extends ConnectOptions {
  client: PubSubClientLike
  /** This client's id, when the client object does not expose `clientId`. */
  clientId?: string
  /** The presence topic of a room. @default (room) => room */
  topic?: (room: string) => string
  /** The user a client id belongs to (several tabs of one user have several client ids). @default (id) => id */
  userIdOf?: (clientId: string) => string
  /** The topic presence data and activity go over. @default (topic) => `${topic}:presence` */
  presenceTopic?: (topic: string) => string
  /**
   * How long, after connecting, the answers to the presence request are gathered into the
   * snapshot, and how long a client that came online may take to send its data before it is shown
   * without. @default 250
   */
  gatherMs?: number
  /** The topic typing goes over (`'start'` / `'stop'`, as the SDK's typing pattern). @default (topic) => `${topic}:typing` */
  typingTopic?: (topic: string) => string
}
