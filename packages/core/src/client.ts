import { PresenceError } from './errors.js'
import { createLocalActivity, type LocalActivity } from './local-activity.js'
import { resolveOptions, type PresenceClientOptions, type ResolvedOptions } from './options.js'
import { Room, type RoomHost } from './room.js'
import { describeRoomName, isValidRoomName, MAX_ROOM_NAME_LENGTH } from './room-name.js'
import type { PresenceShape, RegisteredPresence } from './register.js'
import type { SelfUser } from './types.js'
import { createUserInfoCache, type UserInfoCache } from './user-info.js'
import { INSPECT } from './inspect-key.js'

export interface PresenceClient {
  readonly user: SelfUser
  /**
   * The handle for a room: the same object for the same name, created on first use. `D` is the
   * registered presence type (`Register`) unless given here.
   */
  room<D extends PresenceShape<D> = RegisteredPresence>(name: string): Room<D>
  /** Names of the rooms this client knows where the user is present now. */
  getUserRooms(userId: string): string[]
  /** Unique users present across every room of this client. */
  onlineUserCount(): number
  /** The local tab's activity: feed it input and visibility (see `watchDomActivity`). */
  readonly activity: LocalActivity
  /** Called after any room commits; returns an unsubscribe. For bindings of client-wide values. */
  subscribe(listener: () => void): () => void
  /** Rooms created so far. */
  rooms(): readonly Room[]
  /** Leave every room, close the adapter and release every timer and listener. */
  destroy(): void
  readonly destroyed: boolean
  /** For `@presence-kit/core/inspect` only. */
  readonly [INSPECT]: unknown
}

/**
 * Creates the client: one adapter, many rooms. Make one per app (or per test), never a module
 * singleton, so server renders and tests do not share presence.
 */
export function createPresenceClient(options: PresenceClientOptions): PresenceClient {
  const resolved: ResolvedOptions = resolveOptions(options)
  const rooms = new Map<string, Room>()
  const subscribers = new Set<() => void>()
  let destroyed = false

  const activity = createLocalActivity(resolved)

  const userInfo: UserInfoCache = createUserInfoCache(
    resolved.resolveUser,
    (userId) => {
      for (const room of rooms.values()) room.refreshUser(userId)
    },
    (error) => {
      for (const room of rooms.values()) if (room.remembers(error.detail as string)) room.reportError(error)
    },
  )

  const host: RoomHost = {
    options: resolved,
    activity,
    userInfo,
    userGone(userId) {
      if (userInfo.size === 0) return
      for (const room of rooms.values()) if (room.remembers(userId)) return
      userInfo.drop(userId)
    },
    committed() {
      for (const listener of Array.from(subscribers)) listener()
    },
  }

  return {
    user: resolved.user,
    activity,
    room<D extends PresenceShape<D> = RegisteredPresence>(name: string): Room<D> {
      if (!isValidRoomName(name)) {
        throw new PresenceError(
          'invalid-options',
          `client.room(name): a room name is a string with a non-space character, at most ${MAX_ROOM_NAME_LENGTH} characters; got ${describeRoomName(name)}.`,
        )
      }
      if (destroyed)
        throw new PresenceError('invalid-state', 'client.room() was called after client.destroy().')
      let room = rooms.get(name)
      if (room === undefined) {
        room = new Room(name, host)
        rooms.set(name, room)
      }
      return room as unknown as Room<D>
    },
    getUserRooms(userId) {
      const names: string[] = []
      for (const room of rooms.values()) if (room.isUserPresent(userId)) names.push(room.name)
      return names
    },
    onlineUserCount() {
      const users = new Set<string>()
      for (const room of rooms.values()) for (const member of room.get().members) users.add(member.userId)
      return users.size
    },
    subscribe(listener) {
      subscribers.add(listener)
      return () => subscribers.delete(listener)
    },
    rooms() {
      return [...rooms.values()]
    },
    destroy() {
      if (destroyed) return
      destroyed = true
      for (const room of rooms.values()) room.destroy()
      rooms.clear()
      subscribers.clear()
      userInfo.dispose()
      try {
        resolved.adapter.destroy?.()
      } catch (error) {
        console.error('[presence-kit] adapter.destroy() threw:', error)
      }
    },
    get destroyed() {
      return destroyed
    },
    [INSPECT]: host,
  }
}
