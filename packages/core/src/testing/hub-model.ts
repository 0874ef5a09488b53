import type { ConnectionInput, RoomSink } from '../adapter.js'
import type { ActivityReport, PresenceData, SelfUser, UserInfo } from '../types.js'
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

/** A queued sink call: the public message plus what delivery needs. */
export interface Envelope {
  readonly message: PendingMessage
  readonly watcher: HubWatcher
  /** The client's session when queued: a disconnect since then drops it. */
  readonly session: number
  readonly args: readonly unknown[]
  /** Injected: delivered as the test wrote it, not cloned. */
  readonly raw: boolean
}

export function toConnectionInput(entry: HubEntry): ConnectionInput {
  return {
    connectionId: entry.connectionId,
    userId: entry.userId,
    data: entry.data,
    version: entry.version,
    ...(entry.activity === undefined ? {} : { activity: entry.activity }),
    ...(entry.profile === undefined ? {} : { profile: entry.profile }),
  }
}
