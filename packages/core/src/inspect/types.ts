import type { PresenceEvent } from '../events.js'
import type { PresenceError } from '../errors.js'
import type {
  ActivityReport,
  Connection,
  ConnectionStatus,
  Member,
  PresenceStatus,
  RoomState,
  SelfUser,
} from '../types.js'

/** What an adapter handed a room's sink (see `RoomSink`). */
export type AdapterInputKind = 'snapshot' | 'join' | 'update' | 'leave' | 'typing' | 'status' | 'error'

/** One adapter input, exactly as the adapter handed it, before any check. */
export interface AdapterInputRecord {
  readonly type: 'input'
  /** Counts every record of this inspector's client, inputs and commits alike, from 1. */
  readonly seq: number
  /** The client's clock (`options.clock.now()`) when the input arrived. */
  readonly at: number
  readonly room: string
  readonly kind: AdapterInputKind
  /** The raw argument, by reference: read it, never change it (the store may keep it). */
  readonly input: unknown
  /** The second argument of `status(status, detail)`. */
  readonly detail?: unknown
}

/** One commit of a room: the snapshot subscribers saw and the events listeners got. */
export interface CommitRecord {
  readonly type: 'commit'
  readonly seq: number
  readonly at: number
  readonly room: string
  readonly state: RoomState
  readonly events: readonly PresenceEvent[]
  /** Adapter inputs this room received since its previous commit: the batch this commit closes. */
  readonly inputs: number
}

export type InspectRecord = AdapterInputRecord | CommitRecord

/** One connection of a member, as the store holds it (its fields, without the profile). */
export type InspectedConnection = Pick<
  Connection,
  'connectionId' | 'data' | 'version' | 'joinedAt' | 'updatedAt' | 'lastActiveAt' | 'hidden' | 'away'
>

export interface InspectedMember {
  readonly userId: string
  readonly name: string | undefined
  readonly status: PresenceStatus
  readonly isSelf: boolean
  /** The member as `room.get(userId)` returns it. */
  readonly member: Member
  readonly connections: readonly InspectedConnection[]
  /** Set while the member's last connection has left: the leave is emitted at this time. */
  readonly leaveGraceUntil: number | undefined
  /** When the store next recomputes this member's status (active → idle → away), if it will. */
  readonly nextStatusAt: number | undefined
}

export interface InspectedLeft {
  readonly userId: string
  readonly name: string | undefined
  readonly leftAt: number
  /** When it drops off the recently-left list. */
  readonly forgetAt: number | undefined
}

export interface InspectedTyper {
  readonly userId: string
  readonly name: string | undefined
  /** When the receiver drops the signal unless a new one comes. */
  readonly expiresAt: number | undefined
}

export interface InspectedRoom {
  readonly name: string
  readonly status: ConnectionStatus
  readonly synced: boolean
  readonly stale: boolean
  /** Whether the room has a link open on the adapter. */
  readonly open: boolean
  readonly lastError: PresenceError | undefined
  /** Members in `room.get().members` order (leave grace included, as the store shows them). */
  readonly members: readonly InspectedMember[]
  readonly recentlyLeft: readonly InspectedLeft[]
  readonly typing: readonly InspectedTyper[]
  readonly counts: {
    readonly members: number
    readonly connections: number
    readonly typing: number
    readonly leaving: number
    readonly recentlyLeft: number
    /** Timers the room's one timeline holds (grace, retention, typing, status changes). */
    readonly deadlines: number
  }
}

export interface InspectedActivity extends ActivityReport {
  /** The local user's status as the others compute it from this report. */
  readonly status: Exclude<PresenceStatus, 'offline'>
}

export interface ClientInternals {
  /** The client's clock now: compare deadlines with it. */
  readonly now: number
  readonly user: SelfUser
  readonly adapter: string
  readonly activity: InspectedActivity
  readonly rooms: readonly InspectedRoom[]
}
