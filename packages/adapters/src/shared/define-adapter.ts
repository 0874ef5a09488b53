import {
  PresenceError,
  type AdapterRoom,
  type OpenRoomContext,
  type PresenceAdapter,
} from '@presence-kit/core'
import { isBrowser, type ConnectOptions } from './environment.js'
import { SharedRoom, type BackendRoom, type PresenceRules, type RoomLink } from './room-link.js'

/** What makes one backend's adapter: only what differs between backends. */
export interface AdapterDefinition<Transport> extends PresenceRules {
  /**
   * Opens (or makes) the connection the rooms share. Called once, when the first room opens in a
   * browser: never at creation, never while a page is rendered on a server. Without it, each room
   * opens what it needs in `openRoom` (a channel of the app's client).
   */
  connect?(): Transport
  /** Opens the room on the backend: joins, subscribes, and reports through `link`. */
  openRoom(link: RoomLink, transport: Transport): BackendRoom
  /** Releases the transport on `destroy()`, if it was opened (only what the adapter owns). */
  disconnect?(transport: Transport): void
}

/**
 * The skeleton of every adapter: it owns the set of open rooms, opens the transport on the first
 * room, refuses rooms after `destroy()`, and closes every room on `destroy()`. While a page is
 * rendered on a server a room is accepted and stays `connecting` with nothing opened, so server
 * HTML shows the loading state and the browser connects once it runs.
 */
export function defineAdapter<Transport = undefined>(
  name: string,
  options: ConnectOptions,
  definition: AdapterDefinition<Transport>,
): PresenceAdapter & { destroy(): void } {
  const open = new Set<SharedRoom>()
  let transport: { readonly value: Transport } | undefined
  let destroyed = false

  const forget = (room: SharedRoom) => open.delete(room)

  return {
    name,
    openRoom(context: OpenRoomContext): AdapterRoom {
      if (destroyed) throw new PresenceError('invalid-state', `${name} adapter: openRoom() after destroy()`)
      const room = new SharedRoom(context, definition, forget)
      open.add(room)
      context.sink.status('connecting')
      if (options.connectOnServer !== true && !isBrowser()) return room
      try {
        transport ??= { value: definition.connect?.() as Transport }
        room.attach(definition.openRoom(room, transport.value))
      } catch (error) {
        open.delete(room)
        throw error
      }
      return room
    },
    destroy() {
      if (destroyed) return
      destroyed = true
      // A copy: closing a room takes it out of the set.
      for (const room of Array.from(open)) room.close()
      if (transport !== undefined) definition.disconnect?.(transport.value)
    },
  }
}
