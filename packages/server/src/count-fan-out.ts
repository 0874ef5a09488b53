/** One count-only room's count as last sent, and whether a change waits for the window's end. */
interface RoomCount {
  sent: number | undefined
  pending: boolean
  timer: ReturnType<typeof setTimeout> | undefined
}

/**
 * Sends a count-only room's size to its counting watchers when it changes, throttled like the
 * batched fan-out: the first change after a quiet window goes out at once, the changes within the
 * window are one frame at its end, carrying the count of that moment. A count that is the one
 * last sent is not sent again. With a window of 0 every change that moves the count is sent.
 */
export class CountFanOut {
  private readonly rooms = new Map<string, RoomCount>()

  constructor(
    readonly windowMs: number,
    private readonly countOf: (room: string) => number | undefined,
    private readonly emit: (room: string, count: number) => void,
  ) {}

  changed(room: string): void {
    let state = this.rooms.get(room)
    if (state === undefined)
      this.rooms.set(room, (state = { sent: undefined, pending: false, timer: undefined }))
    state.pending = true
    if (state.timer === undefined) this.flush(room, state)
  }

  /** Forgets a room: nobody on this node watches it any more. */
  drop(room: string): void {
    clearTimeout(this.rooms.get(room)?.timer)
    this.rooms.delete(room)
  }

  /** Forgets every room: the node is shutting down. */
  stop(): void {
    for (const room of this.rooms.keys()) this.drop(room)
  }

  private flush(room: string, state: RoomCount): void {
    if (!state.pending) return
    state.pending = false
    const count = this.countOf(room)
    if (count !== undefined && count !== state.sent) {
      state.sent = count
      this.emit(room, count)
    }
    if (this.windowMs === 0) return
    state.timer = setTimeout(() => {
      state.timer = undefined
      this.flush(room, state)
    }, this.windowMs)
  }
}
