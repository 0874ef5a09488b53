import type { PresenceClient, Room } from '@presence-kit/core'
import type { SocketIoAdapter } from '@presence-kit/adapters/socket-io'

/** What a departure changes on a benchmark's client. */
export interface DepartingClient {
  readonly room: Room
  readonly client: PresenceClient
  readonly adapter: SocketIoAdapter
  joined: boolean
  connected: boolean
}

/**
 * Half the clients go, by their place in the list: the second of every four leaves the room, the
 * third closes its connection (the server sees the socket go).
 */
export function depart(each: DepartingClient, index: number): void {
  if (index % 4 === 1) {
    each.room.leave()
    each.joined = false
  } else if (index % 4 === 2) {
    each.client.destroy()
    each.adapter.destroy?.()
    each.joined = false
    each.connected = false
  }
}

/** Whether the client at `index` is still in its room after `depart` ran on everyone. */
export const stillJoined = (index: number): boolean => index % 4 === 0 || index % 4 === 3
