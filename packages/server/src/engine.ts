import { randomUUID } from 'node:crypto'
import type { Server } from 'socket.io'
import type { ClusterLink } from './cluster-link.js'
import type { PresenceLogger } from './logger.js'
import { BatchedFanOut } from './batched-fan-out.js'
import { CountFanOut } from './count-fan-out.js'
import {
  SERVER_EVENTS,
  type BatchChange,
  type ConnectionMessage,
  type CountMessage,
  type LeaveMessage,
  type SnapshotMessage,
  type TypingMessage,
} from './protocol.js'
import { RoomReplica, type RoomEntry } from './room-replica.js'

/** How a watcher is served: single events, batches, or (in a count-only room) counts. */
export type Delivery = 'single' | 'batch' | 'count'

/** What a client said in its handshake it can read. */
export interface Reader {
  /** `auth.batch: true`: `presence:batch` frames. */
  readonly readsBatches: boolean
  /** `auth.counts: true`: `presence:count` frames in place of a count-only room's members. */
  readonly readsCounts: boolean
}

/**
 * Socket.IO room of the watchers of a presence room; prefixed so it never meets a socket id.
 * Watchers that read batches are in a room of their own, fed by the batched fan-out, and so are
 * the watchers that get a count-only room's count.
 */
export function channelOf(room: string, delivery: Delivery = 'single'): string {
  if (delivery === 'batch') return `presence-batch:${room}`
  if (delivery === 'count') return `presence-count:${room}`
  return `presence:${room}`
}

/**
 * The rooms this node serves: a replica of each room that has a local watcher, kept by local
 * actions and by what the other nodes publish, and fanned out to the local watchers.
 */
export class PresenceEngine {
  readonly rooms = new Map<string, RoomReplica>()
  link: ClusterLink | undefined
  /** One counter for every version this node gives out: per connection it only ever grows. */
  private version = 0
  /** Off while the node shuts down: see `stopFanOut`. */
  private fanningOut = true

  /** Undefined when batching is off (`batchWindowMs: 0`): every watcher gets single events. */
  private readonly batches: BatchedFanOut | undefined
  private readonly counts: CountFanOut

  constructor(
    private readonly io: Server,
    readonly nodeId: string,
    private run: string,
    private readonly log: PresenceLogger,
    batchWindowMs = 0,
    /** Rooms too big to list: watchers that read counts get their size, not their members. */
    private readonly countOnly: (room: string) => boolean = () => false,
  ) {
    this.batches =
      batchWindowMs > 0
        ? new BatchedFanOut(batchWindowMs, (message) =>
            this.emitTo(channelOf(message.room, 'batch'), SERVER_EVENTS.batch, message),
          )
        : undefined
    this.counts = new CountFanOut(
      batchWindowMs,
      (room) => this.rooms.get(room)?.memberCount,
      (room, count) =>
        this.emitTo(channelOf(room, 'count'), SERVER_EVENTS.count, { room, count } satisfies CountMessage),
    )
  }

  /** Whether a watcher that reads batches gets them: only while batching is on. */
  batching(readsBatches: boolean): boolean {
    return readsBatches && this.batches !== undefined
  }

  /** How this node serves a room to a watcher; the same for the whole of its watch. */
  deliveryOf(room: string, reader: Reader): Delivery {
    if (reader.readsCounts && this.countOnly(room)) return 'count'
    return this.batching(reader.readsBatches) ? 'batch' : 'single'
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

  /**
   * Sends the roster (or, to a counting watcher of a count-only room, its count) to one socket and
   * adds it to the room's fan-out, in one step.
   */
  subscribe(
    socket: { emit(event: string, message: unknown): unknown; join(room: string): unknown },
    room: RoomReplica,
    reader: Reader,
  ): void {
    const delivery = this.deliveryOf(room.name, reader)
    if (delivery === 'count') {
      const message: CountMessage = { room: room.name, count: room.memberCount }
      socket.emit(SERVER_EVENTS.count, message)
    } else {
      const message: SnapshotMessage = { room: room.name, connections: room.snapshot() }
      socket.emit(SERVER_EVENTS.snapshot, message)
    }
    // A batch still pending may repeat changes the snapshot already holds: the versions make them
    // no-ops, and flushing it here instead would end the window at every watcher's arrival.
    socket.join(channelOf(room.name, delivery))
  }

  /**
   * The node is shutting down and every local socket is about to be cut. A leave sent to them now
   * would show their users a departure that the restart undoes a moment later; cut off, their
   * stores keep the roster until they resync. The other nodes still hear every leave.
   */
  stopFanOut(): void {
    this.fanningOut = false
    this.batches?.stop()
    this.counts.stop()
  }

  /** Sends to a channel's sockets; a channel without any costs nothing (no frame is encoded). */
  private emitTo(channel: string, event: string, message: unknown): void {
    if ((this.io.sockets.adapter.rooms.get(channel)?.size ?? 0) > 0) this.io.to(channel).emit(event, message)
  }

  /**
   * One change, as a single event to the watchers that read them and into the room's batch; in a
   * count-only room, typing also goes to the counting watchers and a presence change may move the count.
   */
  private fanOut(room: string, event: string, message: unknown, change: BatchChange): void {
    if (!this.fanningOut) return
    this.emitTo(channelOf(room), event, message)
    this.batches?.push(room, change)
    if (!this.countOnly(room)) return
    if (change.type === 'typing') this.emitTo(channelOf(room, 'count'), event, message)
    else if (change.type !== 'update') this.counts.changed(room)
  }

  release(name: string): void {
    const room = this.rooms.get(name)
    if (room === undefined) return
    room.watchers--
    if (room.watchers <= 0) {
      this.rooms.delete(name)
      this.batches?.drop(name)
      this.counts.drop(name)
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
    this.fanOut(room.name, event, message, { type: change, connection: entry.wire })
    return true
  }

  applyLeave(room: RoomReplica, leave: LeaveMessage): boolean {
    if (room.remove(leave.connectionId, leave.version) === undefined) return false
    const { connectionId, userId, version } = leave
    this.fanOut(room.name, SERVER_EVENTS.leave, leave, { type: 'leave', connectionId, userId, version })
    return true
  }

  private fanOutTyping(typing: TypingMessage): void {
    const { connectionId, userId, ttlMs } = typing
    this.fanOut(typing.room, SERVER_EVENTS.typing, typing, {
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
