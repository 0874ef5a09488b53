import type { ConnectionInput, RoomSink } from '../adapter.js'
import type { ActivityReport, PresenceData, SelfUser, UserInfo } from '../types.js'
import { cloneWire } from './clone-wire.js'
import type { PendingMessage, SinkMethod } from './memory-hub-types.js'

export const SINK_METHODS: readonly SinkMethod[] = [
  'snapshot',
  'join',
  'update',
  'leave',
  'typing',
  'status',
  'error',
]

/** One client connection (one tab), what a memory adapter stands for. */
export interface HubClient {
  connectionId: string
  connected: boolean
  /** Bumped on every disconnect, so messages still in flight to the old link are dropped. */
  session: number
  destroyed: boolean
  /** The client's open rooms, by name. */
  readonly watchers: Map<string, HubWatcher>
}

/** One client watching one room: an open `AdapterRoom`. */
export interface HubWatcher {
  readonly client: HubClient
  readonly room: HubRoom
  readonly sink: RoomSink
  readonly user: SelfUser
  closed: boolean
  /** The connection id this watcher's own presence is entered under, if it is. */
  entryId: string | undefined
}

/** A connection present in a room. Replaced, never mutated, so queued snapshots stay as they were. */
export interface HubEntry {
  readonly connectionId: string
  readonly userId: string
  readonly data: PresenceData
  readonly activity: ActivityReport | undefined
  readonly profile: UserInfo | undefined
  readonly version: number
  /** The watcher that entered it; undefined for virtual connections and ghosts the server never noticed leave. */
  readonly owner: HubWatcher | undefined
  readonly virtual: boolean
}

export interface HubRoom {
  readonly name: string
  /** Insertion order is join order, which snapshots keep. */
  readonly entries: Map<string, HubEntry>
  readonly watchers: Set<HubWatcher>
}

/**
 * How the receiver's arguments are made from an envelope's `args`:
 * - `clone`: each argument copied, as a wire would;
 * - `raw`: as the test wrote them (injected), not copied;
 * - `snapshot`: `args[0]` holds the room's entries, each copied straight into a connection.
 */
export type Delivery = 'clone' | 'raw' | 'snapshot'

/** A queued sink call: the public message plus what delivery needs. */
export interface Envelope {
  readonly message: PendingMessage
  readonly watcher: HubWatcher
  /** The client's session when queued: a disconnect since then drops it. */
  readonly session: number
  readonly args: readonly unknown[]
  readonly delivery: Delivery
}

function connectionOf(entry: HubEntry, copy: <T>(value: T) => T): ConnectionInput {
  const connection: { -readonly [K in keyof ConnectionInput]: ConnectionInput[K] } = {
    connectionId: entry.connectionId,
    userId: entry.userId,
    data: copy(entry.data),
    version: entry.version,
  }
  if (entry.activity !== undefined) connection.activity = copy(entry.activity)
  if (entry.profile !== undefined) connection.profile = copy(entry.profile)
  return connection
}

/** The connection as the hub sends it, sharing the entry's values: copy it before it leaves. */
export function toConnectionInput(entry: HubEntry): ConnectionInput {
  return connectionOf(entry, (value) => value)
}

/** The receiver's own copy of an entry, what `cloneWire(toConnectionInput(entry))` makes, in one pass. */
export function copyConnection(entry: HubEntry): ConnectionInput {
  return connectionOf(entry, cloneWire)
}
