import type { ConnectOptions } from '../shared/environment.js'
import type * as Ably from 'ably'

/** The parts of `channel.presence` (ably 2.x) the adapter uses. */
export type AblyPresenceLike = Pick<
  Ably.RealtimePresence,
  'enter' | 'update' | 'leave' | 'get' | 'subscribe' | 'unsubscribe'
>

/** The parts of a realtime channel (ably 2.x) the adapter uses. */
export interface AblyChannelLike extends Pick<
  Ably.RealtimeChannel,
  'name' | 'state' | 'on' | 'off' | 'subscribe' | 'unsubscribe' | 'publish'
> {
  readonly presence: AblyPresenceLike
}

/** An `Ably.Realtime` client, or anything with these parts. */
export interface AblyRealtimeLike {
  readonly channels: { get(name: string): AblyChannelLike }
  readonly connection: Pick<Ably.Connection, 'id'>
  readonly auth: Pick<Ably.Auth, 'clientId'>
  /** Opens the connection of a client made with `autoConnect: false`; a no-op once connected. */
  connect?(): void
}

export interface AblyAdapterOptions extends ConnectOptions {
  /** `new Ably.Realtime({ ..., clientId })`: the user id is the client id. The app owns it. */
  client: AblyRealtimeLike
  /** The channel name of a room. @default (room) => `presence:${room}` */
  channel?: (room: string) => string
  /** The channel message name typing goes over. @default 'presence-kit:typing' */
  typingEvent?: string
}
