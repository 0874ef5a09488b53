import type { ConnectOptions } from '../shared/environment.js'
import type { Room } from '@ably/chat'

/** The parts of an `@ably/chat` `Room` the adapter uses. */
export type AblyChatRoomLike = Pick<
  Room,
  'name' | 'presence' | 'typing' | 'status' | 'onStatusChange' | 'attach'
>

/** A `ChatClient`, or anything with these parts. */
export interface AblyChatClientLike {
  readonly rooms: { get(name: string): Promise<AblyChatRoomLike> }
  readonly clientId: string | undefined
  /** The realtime client underneath, for this connection's id. */
  readonly realtime?: { readonly connection: { readonly id?: string | undefined } }
}

export interface AblyChatAdapterOptions extends ConnectOptions {
  /** `new ChatClient(realtime)`. The app owns it; the adapter only gets and attaches rooms. */
  client: AblyChatClientLike
  /** The chat room name of a presence room. @default (room) => room */
  roomName?: (room: string) => string
  /**
   * How often users Ably Chat still lists as typing are signalled to the store again, so they stay
   * shown between Chat's own heartbeats (10 s by default). @default 1500
   */
  typingRefreshMs?: number
}
