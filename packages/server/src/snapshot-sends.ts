/** A socket as the snapshot sender needs it: its id, and joining its room's fan-out. */
export interface SubscribingSocket {
  readonly id: string
  join(channel: string): unknown
}

/** Sends one frame to the given socket ids on this node, encoded once for all of them. */
export type SendToSockets = (socketIds: readonly string[]) => void

/**
 * The sockets waiting for a room's snapshot, sent together at the end of the current turn of the
 * event loop. After a cut, thousands of clients resume at once and each asks for the whole room:
 * one snapshot built and encoded per turn, not one per socket, is what keeps a node serving a
 * 5,000-member room through a reconnect storm. Each socket joins the room's fan-out right after
 * its snapshot is written, so what it hears next is exactly what changed after the snapshot.
 */
export class SnapshotSends {
  private readonly waiting = new Map<string, Map<string, { socket: SubscribingSocket; channel: string }>>()

  constructor(private readonly send: (room: string, socketIds: readonly string[]) => void) {}

  /** Queues the socket for the room's next snapshot; it joins `channel` once that is sent. */
  add(room: string, socket: SubscribingSocket, channel: string): void {
    let sockets = this.waiting.get(room)
    if (sockets === undefined) {
      this.waiting.set(room, (sockets = new Map()))
      setImmediate(() => this.flush(room))
    }
    sockets.set(socket.id, { socket, channel })
  }

  /** The socket stopped watching before its snapshot went: it gets neither it nor the fan-out. */
  cancel(room: string, socketId: string): void {
    this.waiting.get(room)?.delete(socketId)
  }

  /** Nobody on this node watches the room any more. */
  drop(room: string): void {
    this.waiting.delete(room)
  }

  private flush(room: string): void {
    const sockets = this.waiting.get(room)
    this.waiting.delete(room)
    if (sockets === undefined || sockets.size === 0) return
    this.send(room, [...sockets.keys()])
    for (const { socket, channel } of sockets.values()) socket.join(channel)
  }
}
