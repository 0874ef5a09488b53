import type { BatchChange, BatchMessage } from './protocol.js'

/** One room's changes waiting for the end of its window, one entry per connection. */
class PendingChanges {
  /** A connection's latest join, update or leave, in the order of each connection's last change. */
  readonly presence = new Map<string, BatchChange>()
  /** A connection's latest typing signal; sent after the presence changes. */
  readonly typing = new Map<string, BatchChange>()
  timer: ReturnType<typeof setTimeout> | undefined

  get empty(): boolean {
    return this.presence.size === 0 && this.typing.size === 0
  }

  add(change: BatchChange): void {
    const connectionId = 'connection' in change ? change.connection.connectionId : change.connectionId
    if (change.type === 'typing') {
      // Deleted first, so a connection's entry moves to where its last change happened.
      this.typing.delete(connectionId)
      this.typing.set(connectionId, change)
      return
    }
    const previous = this.presence.get(connectionId)
    this.presence.delete(connectionId)
    // A typing signal of a connection that left is void: receivers clear it on the leave anyway,
    // and sent after the leave it would show a typer who is gone.
    if (change.type === 'leave') this.typing.delete(connectionId)
    // A join and its updates in one window reach a receiver that never saw the join as one join.
    const kept: BatchChange =
      change.type === 'update' && previous?.type === 'join'
        ? { type: 'join', connection: change.connection }
        : change
    this.presence.set(connectionId, kept)
  }

  take(): BatchChange[] {
    const changes = [...this.presence.values(), ...this.typing.values()]
    this.presence.clear()
    this.typing.clear()
    return changes
  }
}

/**
 * Coalesces a room's changes over a short window into one `presence:batch` frame for every
 * client of the room on this node that reads batches. The first change after a quiet window goes
 * out at once (a room where little happens gets no added delay); the changes that follow within
 * `windowMs` go out together at its end, each connection once with its latest version, so a
 * client of a room of n members gets at most one frame per window however many of them change.
 *
 * Versions still order everything: only input the room replica accepted is pushed, so each
 * connection's changes arrive here in version order, and a connection's last change (its leave
 * after its join) is the one kept.
 */
export class BatchedFanOut {
  private readonly rooms = new Map<string, PendingChanges>()

  constructor(
    readonly windowMs: number,
    private readonly emit: (message: BatchMessage) => void,
  ) {}

  push(room: string, change: BatchChange): void {
    let pending = this.rooms.get(room)
    if (pending === undefined) this.rooms.set(room, (pending = new PendingChanges()))
    pending.add(change)
    if (pending.timer === undefined) this.flush(room, pending)
  }

  /** Forgets a room's pending changes: nobody on this node watches it any more. */
  drop(room: string): void {
    const pending = this.rooms.get(room)
    if (pending === undefined) return
    clearTimeout(pending.timer)
    this.rooms.delete(room)
  }

  /** Forgets everything pending: the node is shutting down (see `WatcherFanOut.stop`). */
  stop(): void {
    // Deleting the entry being visited is safe while iterating a Map.
    for (const room of this.rooms.keys()) this.drop(room)
  }

  private flush(room: string, pending: PendingChanges): void {
    // A window without changes ends the room's batching: the next change goes out at once.
    if (pending.empty) {
      this.rooms.delete(room)
      return
    }
    this.emit({ room, changes: pending.take() })
    pending.timer = setTimeout(() => {
      pending.timer = undefined
      this.flush(room, pending)
    }, this.windowMs)
  }
}
