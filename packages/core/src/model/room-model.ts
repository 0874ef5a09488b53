import type { ResolvedOptions } from '../options.js'
import type { UserInfoCache } from '../user-info.js'
import { toPresenceError, type PresenceError } from '../errors.js'
import type { LeaveInput, TypingInput } from '../adapter.js'
import type { PresenceEvent } from '../events.js'
import type {
  ActivityReport,
  Connection,
  ConnectionStatus,
  Member,
  PresenceData,
  PresenceStatus,
  RoomState,
} from '../types.js'
import { checkCount, typingStandIn } from './count-mode.js'
import { ACTIVITY, GRACE, RETAIN, TYPING } from './deadline-keys.js'
import { jsonEqual } from './json-equal.js'
import { betterStatus, connectionStatus, nextTransition } from './status.js'
import { createTimeline, type Timeline } from './timeline.js'
import type { Roster } from './roster.js'
import { Tombstones } from './tombstones.js'
import {
  checkConnectionBody,
  checkConnectionHead,
  checkId,
  checkSnapshot,
  checkTyping,
  invalidInput,
  type CheckedConnection,
} from './validate-input.js'

/** The options the model reads: the client's resolved options object itself, not a copy. */
export type RoomModelOptions = Pick<
  ResolvedOptions,
  | 'clock'
  | 'idleAfterMs'
  | 'awayAfterMs'
  | 'leaveGraceMs'
  | 'offlineRetentionMs'
  | 'typingTtlMs'
  | 'tombstoneTtlMs'
  | 'maxTombstones'
  | 'maxDataBytes'
  | 'user'
  | 'roster'
>

export interface RoomModelConfig {
  readonly room: string
  readonly options: RoomModelOptions
  /** Resolved display info (`get`); `request` when a user appears in this room, to resolve it once. */
  readonly userInfo: Pick<UserInfoCache, 'get' | 'request'>
  /** A user is gone from this room for good, recently-left list included. */
  userGone(userId: string): void
  /** Whether anyone listens to member events; when nobody does, none are built. */
  wantsEvents(): boolean
  /** Something changed: the owner schedules a commit. */
  onDirty(): void
}

/** The id the local connection has until the adapter names it. */
const LOCAL_PLACEHOLDER = '\u0000local'
const EMPTY_DATA: PresenceData = Object.freeze({})
const EMPTY_LIST: readonly never[] = Object.freeze([])
const NO_MEMBERS = () => EMPTY_LIST
const STATUSES: readonly unknown[] = ['connecting', 'connected', 'reconnecting', 'disconnected', 'failed']
const isStatus = (value: unknown): value is ConnectionStatus => STATUSES.includes(value)
/** Diffs kept while waiting for a snapshot; past this the oldest go (the snapshot supersedes them). */
const MAX_BUFFERED = 100_000

const ACTIVITY_TOLERANCE_MS = 1_000

interface Typer {
  readonly connectionId: string | undefined
}

export type DiffKind = 'join' | 'update' | 'leave'

/** A diff held until the snapshot: a leave has the same head as a connection, and no body. */
interface Buffered {
  readonly kind: DiffKind
  readonly input: CheckedConnection
}

/**
 * The working copy of one room and every rule of presence. Inputs change it at once; `commit()`
 * turns the changes into one immutable snapshot and the ordered events of the batch. It never
 * throws on input: bad input becomes an `error` event and `lastError`.
 *
 * Members named `_name` are read by other modules of this package only: the build shortens them
 * (scripts/mangle-internals.ts), as a minifier does with `#name`.
 */
export class RoomModel<D extends PresenceData = PresenceData> {
  #users: Roster<Member<D>>
  /** The committed roster, as the roster froze it: one array, built when first read. */
  #committedMembers: () => readonly Member<D>[] = NO_MEMBERS
  /** The committed roster by user id, built when asked for while `users` holds uncommitted changes. */
  #committedIndex: Map<string, Member<D>> | undefined
  /** Users whose last connection left; present until the grace deadline. */
  readonly #leaving = new Set<string>()
  readonly #recentlyLeft = new Map<string, Member<D>>()
  readonly #tombstones: Tombstones
  readonly #typers = new Map<string, Typer>()
  readonly #timeline: Timeline
  #buffer: Buffered[] = []
  #pendingSync = true

  #status: ConnectionStatus = 'connecting'
  #synced = false
  #stale = false
  #joined = false
  #lastError: PresenceError | undefined
  /** A count-only room's size as the backend last gave it; undefined while the room is listed. */
  #tally: number | undefined
  #localConnectionId: string | undefined
  #localVersion = 0

  #events: PresenceEvent<D>[] = []
  #membersDirty = false
  #typingDirty = false
  #recentDirty = false
  #stateDirty = false
  #committed: RoomState<D>
  /** While a snapshot is applied: the index in `events` of each join it made. */
  #snapshotJoins: Map<string, number> | undefined
  /** The receiver-clock time of the input being applied: read once per input, not per helper. */
  #now = 0

  readonly #config: RoomModelConfig
  readonly #options: RoomModelOptions
  readonly #selfId: string
  constructor(config: RoomModelConfig) {
    const { options } = config
    this.#config = config
    this.#options = options
    this.#selfId = options.user.id
    this.#users = options.roster()
    this.#timeline = createTimeline(options.clock, (key) => this.#onDeadline(key))
    this.#tombstones = new Tombstones(options.tombstoneTtlMs, options.maxTombstones)
    this.#committed = this.#stateWith(EMPTY_LIST, EMPTY_LIST)
  }

  get _state(): RoomState<D> {
    return this.#committed
  }

  get _hasChanges(): boolean {
    return (
      this.#events.length > 0 ||
      this.#membersDirty ||
      this.#typingDirty ||
      this.#recentDirty ||
      this.#stateDirty
    )
  }

  /** A member as of the last commit. */
  _committedMember(userId: string): Member<D> | undefined {
    if (this.#committed.mode === 'count') return undefined
    // Nothing changed since the commit: the working copy is the committed roster.
    if (!this.#membersDirty) return this.#users.get(userId)
    if (this.#committedIndex === undefined) {
      this.#committedIndex = new Map()
      for (const member of this.#committedMembers()) this.#committedIndex.set(member.userId, member)
    }
    return this.#committedIndex.get(userId)
  }

  _hasUser(userId: string): boolean {
    return this.#users.has(userId) || this.#recentlyLeft.has(userId)
  }

  get _pendingDeadlines(): number {
    return this.#timeline._size
  }

  /** Every pending deadline by key, by reference: for `@presence-kit/core/inspect`, never written. */
  get _deadlines(): ReadonlyMap<string, number> {
    return this.#timeline._deadlines
  }

  // ---- Input from the adapter -------------------------------------------------------------

  _snapshot(raw: unknown): void {
    this.#now = this.#options.clock.now()
    const notList = checkSnapshot(raw)
    if (notList !== undefined) return this._report(notList)
    const list = raw as readonly unknown[]
    // Only a room that already has members can have members the snapshot no longer lists.
    const seen = this.#users.size > 0 ? new Set<string>() : undefined
    // A user with several connections in one snapshot joins once, with all of them: their join
    // event is updated in place instead of being followed by updates.
    this.#snapshotJoins = this.#config.wantsEvents() ? new Map() : undefined
    for (const item of list) {
      const problem = checkConnectionHead(item)
      if (problem !== undefined) {
        this._report(problem)
        continue
      }
      const input = item as CheckedConnection
      seen?.add(input.connectionId)
      // The server lists it now: a leave heard before cannot outrank that, unless versions say so.
      if (input.version === undefined) this.#tombstones._forget(input.connectionId)
      this.#upsert(input)
    }
    this.#snapshotJoins = undefined
    // What the snapshot does not list has gone while we were not looking.
    if (seen !== undefined) {
      for (const member of this.#users.values()) {
        if (this.#leaving.has(member.userId)) continue
        let gone: Connection<D>[] | undefined
        for (const c of member.connections) {
          if (!seen.has(c.connectionId) && !this.#isLocal(c.connectionId)) (gone ??= []).push(c)
        }
        if (gone !== undefined) this.#removeConnections(member, gone, undefined)
      }
    }
    this.#pendingSync = false
    if (!this.#synced || this.#stale) this.#stateDirty = true
    // A listed room again: the roster shows once more (and stand-ins give way to members).
    if (this.#tally !== undefined) {
      this.#tally = undefined
      this.#membersDirty = this.#typingDirty = this.#stateDirty = true
    }
    this.#synced = true
    this.#stale = false
    const buffered = this.#buffer
    this.#buffer = []
    for (const entry of buffered) this.#apply(entry.kind, entry.input)
    this.#events.push(Object.freeze({ type: 'sync', members: [] as readonly Member<D>[] }))
    this.#config.onDirty()
  }

  /** A join, update or leave from the adapter; a join of a known connection is an update. */
  _diff(kind: DiffKind, raw: unknown): void {
    this.#now = this.#options.clock.now()
    const problem = checkConnectionHead(raw, kind === 'leave' ? 'A leave' : undefined)
    if (problem !== undefined) return this._report(problem)
    const input = raw as CheckedConnection
    if (this.#pendingSync) {
      if (this.#buffer.length >= MAX_BUFFERED) this.#buffer.shift()
      this.#buffer.push({ kind, input })
      return
    }
    // A count-only room has no roster for a diff to change.
    if (this.#tally !== undefined) return
    this.#apply(kind, input)
    this.#config.onDirty()
  }

  _typing(raw: unknown): void {
    this.#now = this.#options.clock.now()
    const problem = checkTyping(raw)
    if (problem !== undefined) return this._report(problem)
    const input = raw as TypingInput
    // The local user's own typing (this tab or another) is never shown to them.
    if (input.userId === this.#selfId) return
    const key = TYPING + input.userId
    if (input.typing) {
      if (!this.#typers.has(input.userId)) this.#typingDirty = true
      this.#typers.set(input.userId, { connectionId: input.connectionId })
      this.#timeline._schedule(key, this.#now + this.#options.typingTtlMs)
    } else if (this.#typers.delete(input.userId)) {
      this.#timeline._cancel(key)
      this.#typingDirty = true
    }
    if (this.#typingDirty) this.#config.onDirty()
  }

  /**
   * A count-only room's size, in place of its snapshot and diffs: the count replaces the roster
   * (remote members are dropped without leave events, since they did not leave) and, like a
   * snapshot, ends the wait for a resync.
   */
  _count(raw: unknown): void {
    const problem = checkCount(raw)
    if (problem !== undefined) return this._report(problem)
    const resync = !this.#synced || this.#stale || this.#tally === undefined
    if (this.#tally === undefined) {
      for (const userId of Array.from(this.#users.keys())) {
        if (userId === this.#selfId) continue
        this.#setUser(userId, undefined)
        this.#config.userGone(userId)
      }
      this.#leaving.clear()
      this.#recentDirty ||= this.#recentlyLeft.size > 0
      this.#recentlyLeft.clear()
    }
    if (resync || raw !== this.#tally) this.#stateDirty = true
    this.#tally = raw as number
    this.#buffer = []
    this.#pendingSync = this.#stale = false
    this.#synced = true
    if (resync) this.#events.push(Object.freeze({ type: 'sync', members: EMPTY_LIST }))
    this.#config.onDirty()
  }

  _connectionStatus(status: unknown, detail?: { readonly connectionId?: unknown }): void {
    this.#now = this.#options.clock.now()
    if (!isStatus(status)) {
      return this._report(invalidInput('Unknown connection status.', String(status)))
    }
    if (status === 'connected' && detail?.connectionId !== undefined) {
      const problem = checkId(detail, 'connectionId')
      if (problem === undefined) this.#setLocalConnectionId(detail.connectionId as string)
      else this._report(problem)
    }
    // Diffs buffered so far belong to the connection that ended; the next snapshot supersedes them.
    this.#buffer = []
    if (status !== 'connected') {
      // Whatever arrives next belongs to a new connection: wait for its snapshot, keep the roster.
      this.#pendingSync = true
      if (this.#synced && !this.#stale) {
        this.#stale = true
        this.#stateDirty = true
      }
    }
    if (status !== this.#status) {
      this.#status = status
      this.#stateDirty = true
      this.#events.push(Object.freeze({ type: 'status', status }))
    }
    this.#config.onDirty()
  }

  _report(error: unknown): void {
    const presenceError = toPresenceError(error)
    this.#lastError = presenceError
    this.#stateDirty = true
    this.#events.push(Object.freeze({ type: 'error', error: presenceError }))
    this.#config.onDirty()
  }

  // ---- The local user ---------------------------------------------------------------------

  /** Enter or update the local connection: known at once, before any echo. */
  _setLocal(data: PresenceData, activity: ActivityReport | undefined): void {
    this.#now = this.#options.clock.now()
    const wasJoined = this.#joined
    this.#joined = true
    if (!wasJoined) this.#stateDirty = true
    this.#upsert(
      {
        connectionId: this.#localId(),
        userId: this.#selfId,
        data,
        version: ++this.#localVersion,
        ...(activity === undefined ? {} : { activity }),
        profile: this.#options.user,
      },
      true,
    )
    this.#config.onDirty()
  }

  _clearLocal(): void {
    this.#now = this.#options.clock.now()
    if (!this.#joined) return
    this.#joined = false
    this.#stateDirty = true
    const self = this.#users.get(this.#selfId)
    if (self !== undefined) {
      const remaining = self.connections.filter((c) => c.connectionId !== this.#localId())
      if (remaining.length === 0) this.#finalizeLeave(self)
      else this.#replaceMember(self, remaining)
    }
    this.#config.onDirty()
  }

  /** Rebuild a member whose resolved info arrived. */
  _refreshUser(userId: string): void {
    this.#now = this.#options.clock.now()
    const member = this.#users.get(userId)
    // A typer in a count-only room is shown by a stand-in, named again from the resolved info.
    if (member === undefined) {
      if (this.#typers.has(userId)) {
        this.#typingDirty = true
        this.#config.onDirty()
      }
      return
    }
    this.#replaceMember(member, member.connections)
    this.#config.onDirty()
  }

  // ---- Commit -----------------------------------------------------------------------------

  /** Builds the next snapshot and hands back the batch's events, or undefined when nothing changed. */
  _commit(): { readonly state: RoomState<D>; readonly events: readonly PresenceEvent<D>[] } | undefined {
    if (!this._hasChanges) return undefined
    const previous = this.#committed
    this.#committedMembers =
      this.#tally !== undefined
        ? NO_MEMBERS
        : this.#membersDirty
          ? this.#users.freeze()
          : this.#committedMembers
    const typing =
      (this.#membersDirty || this.#typingDirty) && (this.#typers.size > 0 || previous.typing.length > 0)
        ? this.#typingMembers()
        : previous.typing
    const recentlyLeft = this.#recentDirty
      ? Object.freeze(Array.from(this.#recentlyLeft.values()).toReversed())
      : previous.recentlyLeft
    const state = this.#stateWith(typing, recentlyLeft)
    this.#committed = state
    const events = this.#events
    if (typing !== previous.typing && !sameItems(typing, previous.typing)) {
      events.push(Object.freeze({ type: 'typing', typing }))
    }
    // Sync events carry the committed roster, known only now.
    for (let i = 0; i < events.length; i++) {
      if (events[i]!.type === 'sync') events[i] = Object.freeze({ type: 'sync', members: state.members })
    }
    this.#events = []
    this.#committedIndex = undefined
    this.#membersDirty = this.#typingDirty = this.#recentDirty = this.#stateDirty = false
    return { state, events }
  }

  #stateWith(typing: readonly Member<D>[], recentlyLeft: readonly Member<D>[]): RoomState<D> {
    const members = this.#committedMembers
    return Object.freeze({
      room: this.#config.room,
      status: this.#status,
      synced: this.#synced,
      stale: this.#stale,
      joined: this.#joined,
      self: this.#users.get(this.#selfId),
      // Read through the roster: a roster that commits in chunks joins them only when asked.
      get members() {
        return members()
      },
      mode: this.#tally === undefined ? 'list' : 'count',
      count: this.#tally ?? this.#users.size,
      typing,
      recentlyLeft,
      lastError: this.#lastError,
    })
  }

  /** Clears the room for a fresh start (the room was closed): nothing kept, no leave events. */
  _reset(): void {
    this.#timeline._clear()
    // Cleared at once: committed lookups answer from the committed roster until the next commit.
    if (this.#users.size > 0) {
      this.#users = this.#options.roster()
      this.#membersDirty = true
    }
    this.#leaving.clear()
    this.#recentlyLeft.clear()
    this.#tombstones._clear()
    this.#typers.clear()
    this.#buffer = []
    this.#events = []
    this.#pendingSync = true
    this.#synced = false
    this.#stale = false
    this.#localConnectionId = undefined
    this.#tally = undefined
    this.#recentDirty = this.#typingDirty = this.#stateDirty = true
  }

  _dispose(): void {
    this._reset()
    this.#timeline._dispose()
  }

  // ---- Rules ------------------------------------------------------------------------------

  #apply(kind: DiffKind, input: CheckedConnection): void {
    if (kind === 'leave') this.#applyLeave(input)
    else this.#upsert(input)
  }

  #localId(): string {
    return this.#localConnectionId ?? LOCAL_PLACEHOLDER
  }

  #isLocal(connectionId: string): boolean {
    return this.#joined && connectionId === this.#localId()
  }

  #setLocalConnectionId(connectionId: string): void {
    const previousId = this.#localId()
    if (previousId === connectionId) return
    this.#localConnectionId = connectionId
    const self = this.#users.get(this.#selfId)
    if (self === undefined) return
    // An echo of this very connection may have arrived as a remote one: the local copy wins.
    const connections = self.connections
      .filter((c) => c.connectionId !== connectionId)
      .map((c) => (c.connectionId === previousId ? Object.freeze({ ...c, connectionId }) : c))
    this.#replaceMember(self, connections)
  }

  /** Join or update, the same path: a join of a known connection is an update (idempotent). */
  #upsert(input: CheckedConnection, local = false): void {
    const now = this.#now
    if (!local && this.#isLocal(input.connectionId)) return
    if (!local && this.#tombstones._blocks(input.connectionId, input.version, now)) return
    const member = this.#users.get(input.userId)
    const wasLeaving = member !== undefined && this.#leaving.has(input.userId)
    const existing =
      wasLeaving || member === undefined ? undefined : findConnection(member, input.connectionId)

    if (existing !== undefined) {
      if (input.version !== undefined && input.version <= existing.version && !local) return
      if (!local && !this.#acceptBody(input)) return
      const next = this.#connectionFrom(input, existing, now)
      if (next === existing) return
      // The changed connection goes last, so that when two tabs change within one millisecond
      // (equal `updatedAt`) the member's data is still the one that changed last.
      this.#replaceMember(member!, [...member!.connections.filter((c) => c !== existing), next])
      return
    }

    if (!local && !this.#acceptBody(input)) return
    const connection = this.#connectionFrom(input, undefined, now)
    if (member === undefined) {
      this.#addMember(input.userId, [connection])
      return
    }
    if (wasLeaving) {
      // Back within the grace period: the departed connections are replaced, no leave, no join.
      this.#leaving.delete(input.userId)
      this.#timeline._cancel(GRACE + input.userId)
      this.#replaceMember(member, [connection])
      return
    }
    this.#replaceMember(member, [...member.connections, connection])
  }

  /** Walks and freezes the payload of input about to be applied; reports it when malformed. */
  #acceptBody(input: CheckedConnection): boolean {
    const problem = checkConnectionBody(input, this.#options.maxDataBytes)
    if (problem === undefined) return true
    this._report(problem)
    return false
  }

  #applyLeave({ connectionId, userId, version }: LeaveInput): void {
    if (this.#isLocal(connectionId)) return
    const member = this.#users.get(userId)
    const connection =
      member === undefined || this.#leaving.has(userId) ? undefined : findConnection(member, connectionId)
    if (connection === undefined) {
      // A leave that overtook its join: remember it so the late join cannot make a ghost.
      if (!this.#tombstones._has(connectionId))
        this.#tombstones._add(connectionId, version ?? Infinity, this.#now)
      return
    }
    if (version !== undefined && version < connection.version) return
    this.#removeConnections(member!, [connection], version)
  }

  #removeConnections(member: Member<D>, gone: readonly Connection<D>[], version: number | undefined): void {
    const { userId } = member
    const now = this.#now
    for (const c of gone) {
      this.#tombstones._add(c.connectionId, version ?? c.version, now)
      const typer = this.#typers.get(userId)
      if (
        typer !== undefined &&
        (typer.connectionId === undefined || typer.connectionId === c.connectionId)
      ) {
        this.#typers.delete(userId)
        this.#timeline._cancel(TYPING + userId)
        this.#typingDirty = true
      }
    }
    if (gone.length < member.connections.length) {
      this.#replaceMember(
        member,
        member.connections.filter((c) => !gone.includes(c)),
      )
      return
    }
    // The last connection: the member stays for the grace period, in case this was a reload.
    if (this.#options.leaveGraceMs === 0) {
      this.#finalizeLeave(member)
      return
    }
    this.#leaving.add(userId)
    this.#timeline._schedule(GRACE + userId, now + this.#options.leaveGraceMs)
  }

  #finalizeLeave(member: Member<D>): void {
    const { userId } = member
    const now = this.#now
    this.#setUser(userId, undefined)
    this.#timeline._cancel(ACTIVITY + userId)
    if (this.#leaving.has(userId)) {
      this.#leaving.delete(userId)
      this.#timeline._cancel(GRACE + userId)
    }
    if (this.#typers.delete(userId)) {
      this.#timeline._cancel(TYPING + userId)
      this.#typingDirty = true
    }
    const retain = this.#options.offlineRetentionMs > 0
    const wantsEvent = this.#config.wantsEvents()
    if (retain || wantsEvent) {
      // Same fields in the same order as the member, so both keep one object shape.
      const offline: Member<D> = Object.freeze({ ...member, status: 'offline', leftAt: now })
      if (wantsEvent) this.#events.push(Object.freeze({ type: 'leave', member: offline, previous: member }))
      if (retain) {
        this.#recentlyLeft.delete(userId)
        this.#recentlyLeft.set(userId, offline)
        this.#recentDirty = true
        this.#timeline._schedule(RETAIN + userId, now + this.#options.offlineRetentionMs)
        return
      }
    }
    this.#config.userGone(userId)
  }

  /** Every change of `users` goes through here: it marks the roster changed since the commit. */
  #setUser(userId: string, member: Member<D> | undefined): void {
    if (member === undefined) this.#users.delete(userId)
    else this.#users.set(userId, member)
    this.#membersDirty = true
  }

  #addMember(userId: string, connections: readonly Connection<D>[]): void {
    const member = this.#buildMember(userId, connections)
    this.#setUser(userId, member)
    if (this.#recentlyLeft.delete(userId)) {
      this.#timeline._cancel(RETAIN + userId)
      this.#recentDirty = true
    } else {
      this.#config.userInfo.request(userId)
    }
    if (this.#config.wantsEvents()) {
      this.#snapshotJoins?.set(userId, this.#events.length)
      this.#events.push(Object.freeze({ type: 'join', member }))
    }
  }

  /**
   * Swaps a member for a rebuilt one and records an update. Nothing changes (and nothing is
   * emitted) when the rebuilt member is the same; otherwise every new member object in the roster
   * is announced, so lists derived from events never hold an object the roster no longer has.
   */
  #replaceMember(previous: Member<D>, connections: readonly Connection<D>[]): void {
    const next = this.#buildMember(previous.userId, connections)
    if (sameMember(previous, next)) return
    this.#setUser(previous.userId, next)
    const joinIndex = this.#snapshotJoins?.get(previous.userId)
    if (joinIndex !== undefined) {
      this.#events[joinIndex] = Object.freeze({ type: 'join', member: next })
      return
    }
    if (this.#config.wantsEvents())
      this.#events.push(Object.freeze({ type: 'update', member: next, previous }))
  }

  #connectionFrom(input: CheckedConnection, previous: Connection<D> | undefined, now: number): Connection<D> {
    // Equal content keeps the stored object, so identity-based checks downstream see no change.
    let data = (input.data ?? previous?.data ?? EMPTY_DATA) as D
    if (previous !== undefined && data !== previous.data && jsonEqual(data, previous.data))
      data = previous.data
    let profile = input.profile ?? previous?.profile
    if (previous !== undefined && profile !== previous.profile && jsonEqual(profile, previous.profile)) {
      profile = previous.profile
    }
    const activity = input.activity
    if (
      previous !== undefined &&
      // A newer version with the same content still moves the version on (so older input that
      // arrives later is dropped); only a repeat of the same version, or an unversioned repeat, is a no-op.
      (input.version === undefined || input.version === previous.version) &&
      data === previous.data &&
      profile === previous.profile &&
      (activity === undefined || sameActivity(previous, activity, now))
    ) {
      return previous
    }
    return Object.freeze({
      connectionId: input.connectionId,
      userId: input.userId,
      data,
      version: input.version ?? (previous === undefined ? 0 : previous.version + 1),
      joinedAt: previous?.joinedAt ?? now,
      updatedAt: now,
      lastActiveAt: activity === undefined ? previous?.lastActiveAt : now - activity.inactiveMs,
      hidden: activity === undefined ? (previous?.hidden ?? false) : activity.hidden,
      away: activity === undefined ? (previous?.away ?? false) : activity.away,
      profile,
    })
  }

  #buildMember(userId: string, connections: readonly Connection<D>[]): Member<D> {
    const now = this.#now
    const thresholds = this.#options
    let latest = connections[0]!
    // The best status of any connection, the first to join, the next change of status.
    let status: PresenceStatus = 'offline'
    let joinedAt = Infinity
    let next = Infinity
    for (const c of connections) {
      if (c.updatedAt >= latest.updatedAt) latest = c
      status = betterStatus(status, connectionStatus(c, now, thresholds))
      if (c.joinedAt < joinedAt) joinedAt = c.joinedAt
      next = Math.min(next, nextTransition(c, now, thresholds))
    }
    if (next !== Infinity) this.#timeline._schedule(ACTIVITY + userId, next)
    const isSelf = userId === this.#selfId
    return Object.freeze({
      userId,
      data: latest.data,
      connections: Object.freeze(connections),
      status,
      isSelf,
      info: this.#config.userInfo.get(userId) ?? latest.profile ?? (isSelf ? this.#options.user : undefined),
      joinedAt,
      leftAt: undefined,
    })
  }

  #onDeadline(key: string): void {
    this.#now = this.#options.clock.now()
    const kind = key[0]
    const userId = key.slice(1)
    if (kind === GRACE) {
      const member = this.#users.get(userId)
      if (member !== undefined && this.#leaving.has(userId)) this.#finalizeLeave(member)
    } else if (kind === RETAIN) {
      if (this.#recentlyLeft.delete(userId)) {
        this.#recentDirty = true
        if (!this.#users.has(userId)) this.#config.userGone(userId)
      }
    } else if (kind === TYPING) {
      if (this.#typers.delete(userId)) this.#typingDirty = true
    } else if (kind === ACTIVITY) {
      const member = this.#users.get(userId)
      if (member !== undefined) this.#replaceMember(member, member.connections)
    }
    this.#config.onDirty()
  }

  #typingMembers(): readonly Member<D>[] {
    const list: Member<D>[] = []
    for (const userId of this.#typers.keys()) {
      const member =
        this.#users.get(userId) ??
        (this.#tally === undefined
          ? undefined
          : typingStandIn<D>(userId, this.#config.userInfo, this.#committed.typing, this.#now))
      if (member !== undefined && !this.#leaving.has(userId)) list.push(member)
    }
    return Object.freeze(list)
  }
}

function findConnection<D extends PresenceData>(
  member: Member<D>,
  connectionId: string,
): Connection<D> | undefined {
  const { connections } = member
  for (let i = 0; i < connections.length; i++)
    if (connections[i]!.connectionId === connectionId) return connections[i]
  return undefined
}

function sameActivity(previous: Connection, activity: ActivityReport, now: number): boolean {
  if (previous.hidden !== activity.hidden || previous.away !== activity.away) return false
  if (previous.lastActiveAt === undefined) return false
  // A repeated report (a duplicate delivered a little later) names the same moment of last input,
  // within delivery jitter; a second is far finer than any idle threshold.
  return Math.abs(now - activity.inactiveMs - previous.lastActiveAt) < ACTIVITY_TOLERANCE_MS
}

function sameMember(a: Member, b: Member): boolean {
  return (
    a.data === b.data &&
    a.status === b.status &&
    a.info === b.info &&
    a.joinedAt === b.joinedAt &&
    sameItems(a.connections, b.connections)
  )
}

/** The same objects in the same order. */
function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((m, i) => m === b[i])
}
