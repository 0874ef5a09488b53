import type { Server } from 'socket.io'
import { BatchedFanOut } from './batched-fan-out.js'
import { CountFanOut } from './count-fan-out.js'
import { SERVER_EVENTS, type BatchChange, type CountMessage, type SnapshotMessage } from './protocol.js'
import type { RoomReplica } from './room-replica.js'
import { SnapshotSends, type SubscribingSocket } from './snapshot-sends.js'

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
 * What this node's local watchers of its rooms hear: each room's snapshot when a socket starts
 * watching, then every change, as single events, batches or (in a count-only room) counts,
 * whichever each watcher reads. The rooms' state itself is the engine's (see engine.ts).
 */
export class WatcherFanOut {
  /** Undefined when batching is off (`batchWindowMs: 0`): every watcher gets single events. */
  private readonly batches: BatchedFanOut | undefined
  private readonly counts: CountFanOut
  private readonly snapshots: SnapshotSends
  /** Off while the node shuts down: see `stop`. */
  private fanningOut = true

  constructor(
    private readonly io: Server,
    /** The node's replica of a room, while it has local watchers. */
    roomOf: (name: string) => RoomReplica | undefined,
    batchWindowMs: number,
    /** Rooms too big to list: watchers that read counts get their size, not their members. */
    private readonly countOnly: (room: string) => boolean,
  ) {
    this.batches =
      batchWindowMs > 0
        ? new BatchedFanOut(batchWindowMs, (message) =>
            this.emitTo(channelOf(message.room, 'batch'), SERVER_EVENTS.batch, message),
          )
        : undefined
    this.counts = new CountFanOut(
      batchWindowMs,
      (room) => roomOf(room)?.memberCount,
      (room, count) =>
        this.emitTo(channelOf(room, 'count'), SERVER_EVENTS.count, { room, count } satisfies CountMessage),
    )
    this.snapshots = new SnapshotSends((name, socketIds) => {
      const room = roomOf(name)
      if (room === undefined) return
      const message: SnapshotMessage = { room: name, connections: room.snapshot() }
      // Local only: the sockets are on this node, and an adapter an app set on `io` stays out of it.
      this.io.local.to(socketIds as string[]).emit(SERVER_EVENTS.snapshot, message)
    })
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

  /**
   * Sends the roster (or, to a counting watcher of a count-only room, its count) to one socket and
   * adds it to the room's fan-out, in one step. A roster goes at the end of this turn of the event
   * loop, built and encoded once for every socket of the room that asked meanwhile (see
   * `SnapshotSends`); the socket joins the fan-out as it is sent.
   */
  subscribe(
    socket: SubscribingSocket & { emit(event: string, message: unknown): unknown },
    room: RoomReplica,
    reader: Reader,
  ): void {
    const delivery = this.deliveryOf(room.name, reader)
    // A batch still pending may repeat changes the snapshot already holds: the versions make them
    // no-ops, and flushing it here instead would end the window at every watcher's arrival.
    if (delivery !== 'count') {
      this.snapshots.add(room.name, socket, channelOf(room.name, delivery))
      return
    }
    const message: CountMessage = { room: room.name, count: room.memberCount }
    socket.emit(SERVER_EVENTS.count, message)
    socket.join(channelOf(room.name, delivery))
  }

  /** Takes the socket out of the room's fan-out, and out of a snapshot it still waits for. */
  unsubscribe(
    socket: SubscribingSocket & { leave(room: string): unknown },
    name: string,
    reader: Reader,
  ): void {
    this.snapshots.cancel(name, socket.id)
    void socket.leave(channelOf(name, this.deliveryOf(name, reader)))
  }

  /**
   * One change, as a single event to the watchers that read them and into the room's batch; in a
   * count-only room, typing also goes to the counting watchers and a presence change may move the count.
   */
  change(room: string, event: string, message: unknown, change: BatchChange): void {
    if (!this.fanningOut) return
    this.emitTo(channelOf(room), event, message)
    this.batches?.push(room, change)
    if (!this.countOnly(room)) return
    if (change.type === 'typing') this.emitTo(channelOf(room, 'count'), event, message)
    else if (change.type !== 'update') this.counts.changed(room)
  }

  /** Nobody on this node watches the room any more: forgets what waits to be sent for it. */
  drop(room: string): void {
    this.snapshots.drop(room)
    this.batches?.drop(room)
    this.counts.drop(room)
  }

  /**
   * The node is shutting down and every local socket is about to be cut. A leave sent to them now
   * would show their users a departure that the restart undoes a moment later; cut off, their
   * stores keep the roster until they resync. The other nodes still hear every leave.
   */
  stop(): void {
    this.fanningOut = false
    this.batches?.stop()
    this.counts.stop()
  }

  /** Sends to a channel's sockets; a channel without any costs nothing (no frame is encoded). */
  private emitTo(channel: string, event: string, message: unknown): void {
    if ((this.io.sockets.adapter.rooms.get(channel)?.size ?? 0) > 0) this.io.to(channel).emit(event, message)
  }
}
