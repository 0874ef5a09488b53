import type { ConnectOptions } from '../shared/environment.js'
import type { RealtimeClient } from '@prsm/realtime/client'

/** The parts of `@prsm/realtime`'s `RealtimeClient` the adapter uses. */
export type PrsmClientLike = Pick<
  RealtimeClient,
  | 'joinRoom'
  | 'leaveRoom'
  | 'subscribePresence'
  | 'unsubscribePresence'
  | 'publishPresenceState'
  | 'getConnectionMetadata'
  | 'connectionId'
  | 'on'
  | 'off'
>

export interface PrsmAdapterOptions extends ConnectOptions {
  /** `new RealtimeClient(url)`. The app owns it; the server must `trackPresence` the rooms. */
  client: PrsmClientLike
  /** The prsm room of a presence room. @default (room) => room */
  roomName?: (room: string) => string
  /**
   * The user of a connection that does not run the kit, from its connection metadata.
   * @default (metadata) => metadata.userId ?? metadata.id
   */
  userIdOf?: (metadata: unknown, connectionId: string) => string | undefined
  /**
   * How long a connection that joined may take to publish its state before it is shown without
   * one (its join then carries the data, instead of a join and an update). @default 150
   */
  stateWaitMs?: number
  /** How long a typing state lives on the server without a new signal. @default 6000 */
  typingExpireMs?: number
}
