import type { PresenceObject, RegisteredPresence, RegisteredUser } from './register.js'

/** A JSON value: what presence payloads are made of. */
export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json }

/** The presence payload a connection carries (a JSON object): the data type when none is registered. */
export type PresenceData = { readonly [key: string]: Json }

/** How present a member is. Ordered from best to worst. */
export type PresenceStatus = 'active' | 'idle' | 'away' | 'offline'

/** The state of the client's own link to the backend for one room. */
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'disconnected' | 'failed'

/** Who a user is, for display: from `resolveUser`, the backend's profile, or the client's own `user`. */
export interface UserInfo {
  readonly name?: string
  readonly avatarUrl?: string
  readonly [key: string]: unknown
}

/** The local user, given to `createPresenceClient`: the registered user info with an `id`. */
export type SelfUser = RegisteredUser & { readonly id: string }

/**
 * What a sender says about its own activity. `inactiveMs` is relative on purpose: receivers turn it
 * into a time on their own clock, so a sender's wrong clock cannot make anyone look idle.
 */
export interface ActivityReport {
  /** Milliseconds since the sender's last input, when it sent this. */
  readonly inactiveMs: number
  /** The sender's page is hidden (another tab, minimised). */
  readonly hidden: boolean
  /** The user set themselves away. */
  readonly away: boolean
}

/** One client connection (a tab, a device) in a room. */
export interface Connection<D extends PresenceObject = RegisteredPresence> {
  readonly connectionId: string
  readonly userId: string
  readonly data: D
  /** Ordering key within this connection: older input is dropped. */
  readonly version: number
  /** Receiver-clock time this connection was first seen. */
  readonly joinedAt: number
  /** Receiver-clock time of the last change to `data` or activity. */
  readonly updatedAt: number
  /** Receiver-clock time of the sender's last input, when the sender reports activity. */
  readonly lastActiveAt: number | undefined
  readonly hidden: boolean
  readonly away: boolean
  /** Display info the backend sent with this connection, if any. */
  readonly profile: RegisteredUser | undefined
}

/** A user in a room: their connections grouped by `userId`. */
export interface Member<D extends PresenceObject = RegisteredPresence> {
  readonly userId: string
  /** The most recently updated connection's data. */
  readonly data: D
  /** In the order they last joined or changed, the most recent last. */
  readonly connections: readonly Connection<D>[]
  /** The best status among the connections; `offline` once they have left. */
  readonly status: PresenceStatus
  /** The local user (this tab and the user's other tabs). */
  readonly isSelf: boolean
  /** Resolved user info, else the most recent profile a connection carried. */
  readonly info: RegisteredUser | undefined
  /** Receiver-clock time the earliest live connection joined. */
  readonly joinedAt: number
  /** Receiver-clock time the member left (set on members in `recentlyLeft`). */
  readonly leftAt: number | undefined
}

/**
 * A member of the registered presence type, under a name that declaration files keep: for props and
 * events whose types the build infers (Vue's `defineComponent`), which would otherwise be written out
 * with the presence type of the package's own build instead of the app's.
 */
// oxlint-disable-next-line typescript/no-empty-interface, typescript/no-empty-object-type -- a name, on purpose
export interface RegisteredMember extends Member<RegisteredPresence> {}

/** The room snapshot the store holds. Immutable; unchanged members keep their identity between commits. */
export interface RoomState<D extends PresenceObject = RegisteredPresence> {
  readonly room: string
  readonly status: ConnectionStatus
  /** False until the first full snapshot arrived: the loading state. Stays true across reconnects. */
  readonly synced: boolean
  /** True while reconnecting: `members` is the last known roster, kept so the UI does not blank. */
  readonly stale: boolean
  /** Whether the local user has entered this room (`join`) as opposed to only watching it. */
  readonly joined: boolean
  readonly self: Member<D> | undefined
  /**
   * `list` when the backend sends the roster; `count` for a room too big to list, whose backend
   * sends only its number of users (and typing): `members` is then empty and `count` is that number.
   */
  readonly mode: 'list' | 'count'
  /** Every present member, self included, in the order they were first seen. Empty in `count` mode. */
  readonly members: readonly Member<D>[]
  /** How many users are present: the roster's length, or in `count` mode the backend's count. */
  readonly count: number
  /** Members typing right now, self excluded, in the order they started. */
  readonly typing: readonly Member<D>[]
  /** Members who left less than `offlineRetentionMs` ago, status `offline`, most recent first. */
  readonly recentlyLeft: readonly Member<D>[]
  readonly lastError: import('./errors.js').PresenceError | undefined
}
