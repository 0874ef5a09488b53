import { randomUUID } from 'node:crypto'
import type { Server } from 'socket.io'
import type { ClusterLink } from './cluster-link.js'
import type { PresenceLogger } from './logger.js'
import { SERVER_EVENTS, type ConnectionMessage, type LeaveMessage, type TypingMessage } from './protocol.js'
import { RoomReplica, type RoomEntry } from './room-replica.js'
import { WatcherFanOut } from './watcher-fan-out.js'

/**
 * The rooms this node serves: a replica of each room that has a local watcher, kept by local
 * actions and by what the other nodes publish, and fanned out to the local watchers.
 */
export class PresenceEngine {
  readonly rooms = new Map<string, RoomReplica>()
  link: ClusterLink | undefined
  /** One counter for every version this node gives out: per connection it only ever grows. */
  private version = 0
  /** What the local watchers of the rooms hear (snapshots, single events, batches, counts). */
  readonly watchers: WatcherFanOut

  constructor(
    io: Server,
    readonly nodeId: string,
    private run: string,
    private readonly log: PresenceLogger,
    batchWindowMs = 0,
    /** Rooms too big to list: watchers that read counts get their size, not their members. */
    countOnly: (room: string) => boolean = () => false,
  ) {
    this.watchers = new WatcherFanOut(io, (name) => this.rooms.get(name), batchWindowMs, countOnly)
  }

  /** This node's current run: entries written under an earlier one may be swept by the others. */
  get runId(): string {
    return this.run
  }

  /**
   * The node learnt it was taken for dead (swept): its connections are written again under a new
   * run with versions above any leave a sweeper sent, so no sweep still in flight can match them.
   * Applied here without a fan-out, since the node's own clients never lost them.
   */
  restampLocal(): Array<{ room: RoomReplica; entry: RoomEntry }> {
    this.run = randomUUID()
    const restamped = this.localEntries().map(({ room, entry }) => ({
      room,
      entry: { wire: { ...entry.wire, version: this.nextVersion(2) }, node: this.nodeId, run: this.run },
    }))
    for (const { room, entry } of restamped) room.upsert(entry)
    return restamped
  }

  /** Whether the connection's socket is on this node and it is in the room right now. */
  holdsLocally(name: string, connectionId: string): boolean {
    return this.rooms.get(name)?.entries.get(connectionId)?.node === this.nodeId
  }

  /** A version higher than any this node gave before; `step` 2 also outranks a sweeper's leave. */
  nextVersion(step = 1): number {
    this.version += step
    return this.version
  }

  private get cluster(): ClusterLink {
    if (this.link === undefined) throw new Error('presence engine used before its cluster link was set')
    return this.link
  }

  /** The room's replica, loaded from the other nodes the first time a local watcher needs it. */
  async open(name: string): Promise<RoomReplica> {
    let room = this.rooms.get(name)
    if (room === undefined) {
      room = new RoomReplica(name)
      this.rooms.set(name, room)
      const replica = room
      room.loading = this.cluster.loadRoom(name).then(
        (entries) => {
          for (const entry of entries) replica.upsert(entry)
        },
        (error: unknown) => {
          // Served from what this node knows; the next resync with Redis fills the rest in.
          this.log.warn('could not load room from redis', { room: name, error })
        },
      )
    }
    room.watchers++
    try {
      await room.loading
    } catch {
      // Reported above.
    }
    return room
  }

  release(name: string): void {
    const room = this.rooms.get(name)
    if (room === undefined) return
    room.watchers--
    if (room.watchers <= 0) {
      this.rooms.delete(name)
      this.watchers.drop(name)
    }
  }

  upsertLocal(room: RoomReplica, entry: RoomEntry): void {
    if (this.applyUpsert(room, entry)) this.cluster.publishUpsert(room.name, entry)
  }

  leaveLocal(room: RoomReplica, leave: LeaveMessage): void {
    if (this.applyLeave(room, leave)) this.cluster.publishLeave(room.name, leave)
  }

  typingLocal(room: RoomReplica, typing: TypingMessage): void {
    this.fanOutTyping(typing)
    this.cluster.publishTyping(room.name, typing)
  }

  applyUpsert(room: RoomReplica, entry: RoomEntry): boolean {
    const change = room.upsert(entry)
    if (change === undefined) return false
    const message: ConnectionMessage = { room: room.name, connection: entry.wire }
    const event = change === 'join' ? SERVER_EVENTS.join : SERVER_EVENTS.update
    this.watchers.change(room.name, event, message, { type: change, connection: entry.wire })
    return true
  }

  applyLeave(room: RoomReplica, leave: LeaveMessage): boolean {
    if (room.remove(leave.connectionId, leave.version) === undefined) return false
    const { connectionId, userId, version } = leave
    this.watchers.change(room.name, SERVER_EVENTS.leave, leave, {
      type: 'leave',
      connectionId,
      userId,
      version,
    })
    return true
  }

  private fanOutTyping(typing: TypingMessage): void {
    const { connectionId, userId, ttlMs } = typing
    this.watchers.change(typing.room, SERVER_EVENTS.typing, typing, {
      type: 'typing',
      connectionId,
      userId,
      typing: typing.typing,
      ttlMs,
    })
  }

  /** Another node changed a room: applied only where this node has watchers. */
  remoteUpsert(name: string, entry: RoomEntry): void {
    const room = this.rooms.get(name)
    if (room !== undefined) this.applyUpsert(room, entry)
  }

  /**
   * Another node says a connection left. Returns 'own' (and changes nothing) when the connection's
   * socket is on this node: only this node decides when its own connections leave, and a leave
   * from elsewhere means a sweeper took this node for dead.
   */
  remoteLeave(name: string, leave: LeaveMessage): 'own' | 'applied' | 'ignored' {
    const room = this.rooms.get(name)
    if (room === undefined) return 'ignored'
    if (room.entries.get(leave.connectionId)?.node === this.nodeId) return 'own'
    return this.applyLeave(room, leave) ? 'applied' : 'ignored'
  }

  remoteTyping(name: string, typing: TypingMessage): void {
    if (this.rooms.has(name)) this.fanOutTyping(typing)
  }

  /**
   * Removes the connections another node held under the given runs, emitting the leaves. Only the
   * runs a sweep saw before reading Redis: a run the node took since (see `restampLocal`) is live.
   */
  removeNode(nodeId: string, deadRuns: ReadonlySet<string>): number {
    let removed = 0
    if (nodeId === this.nodeId || deadRuns.size === 0) return 0
    for (const room of this.rooms.values()) {
      for (const entry of room.entries.values()) {
        if (entry.node !== nodeId || !deadRuns.has(entry.run)) continue
        const leave = { room: room.name, connectionId: entry.wire.connectionId, userId: entry.wire.userId }
        if (this.applyLeave(room, { ...leave, version: entry.wire.version + 1 })) removed++
      }
    }
    return removed
  }

  /** The other nodes this node holds connections of, with the runs it holds them under. */
  remoteNodes(): Map<string, Set<string>> {
    const nodes = new Map<string, Set<string>>()
    for (const room of this.rooms.values()) {
      for (const entry of room.entries.values()) {
        if (entry.node === this.nodeId) continue
        let runs = nodes.get(entry.node)
        if (runs === undefined) nodes.set(entry.node, (runs = new Set()))
        runs.add(entry.run)
      }
    }
    return nodes
  }

  /** Connections whose socket is on this node. */
  localEntries(): Array<{ room: RoomReplica; entry: RoomEntry }> {
    const local: Array<{ room: RoomReplica; entry: RoomEntry }> = []
    for (const room of this.rooms.values()) {
      for (const entry of room.entries.values()) if (entry.node === this.nodeId) local.push({ room, entry })
    }
    return local
  }

  /** The versions of a room's remote connections now, to tell later what a Redis read predates. */
  remoteVersions(name: string): Map<string, number> {
    const versions = new Map<string, number>()
    for (const entry of this.rooms.get(name)?.entries.values() ?? []) {
      if (entry.node !== this.nodeId) versions.set(entry.wire.connectionId, entry.wire.version)
    }
    return versions
  }

  /**
   * Merges what Redis holds for a room after an outage. With `readSince` (the remote versions taken
   * before Redis was read), remote connections Redis no longer has are removed too, but only those
   * unchanged since: a join or update heard while the read was under way is newer than the read.
   */
  reconcile(name: string, stored: readonly RoomEntry[], readSince?: ReadonlyMap<string, number>): void {
    const room = this.rooms.get(name)
    if (room === undefined) return
    const seen = new Set<string>()
    for (const entry of stored) {
      if (entry.node === this.nodeId) continue
      seen.add(entry.wire.connectionId)
      this.applyUpsert(room, entry)
    }
    if (readSince === undefined) return
    for (const entry of room.entries.values()) {
      if (entry.node === this.nodeId || seen.has(entry.wire.connectionId)) continue
      if (readSince.get(entry.wire.connectionId) !== entry.wire.version) continue
      const { connectionId, userId, version } = entry.wire
      this.applyLeave(room, { room: name, connectionId, userId, version: version + 1 })
    }
  }
}
