import type { AdapterRoom, LocalPresence, RoomSink, SelfUser } from '@presence-kit/core'

/**
 * What a backend does in one room: the store's calls, as the skeleton passes them on. It calls them
 * only while the room is open, sends presence only while the link is up (unless the backend keeps
 * it itself), and `close` last, to release channels, listeners and timers.
 */
export type BackendRoom = AdapterRoom

/** How a backend's link treats the local presence. */
export interface PresenceRules {
  /**
   * The backend keeps the local presence while its link is down and sends it when the link is
   * back (Yjs awareness, a client that re-sends its own state): calls go through at any time, and
   * nothing is owed on link-up. @default false
   */
  readonly sendsWhileDown?: boolean
  /** Closing the backend's room does not end the presence: leave first. @default false */
  readonly leaveOnClose?: boolean
}

/** One open room as its backend sees it: the room's identity, its state and its status calls. */
export interface RoomLink {
  readonly room: string
  readonly user: SelfUser
  readonly sink: RoomSink
  /** The presence the store entered with; undefined before it enters and after it leaves. */
  readonly presence: LocalPresence | undefined
  /** True between `up()` and the next `down()` or `fail()`. */
  readonly linked: boolean
  readonly closed: boolean
  /** The link is up: reports `connected` and sends the presence entered before it came up. */
  up(connectionId?: string): void
  /** The link went down: reports `reconnecting` (or `disconnected`) and holds presence until `up()`. */
  down(status?: 'reconnecting' | 'disconnected', error?: unknown): void
  /** The backend refused the room for good. */
  fail(error: unknown): void
  /** Reports an error event, unless the room has closed. */
  report(error: unknown): void
  /** Closes the room from the backend's side (the page is going away), as the store's `close()` does. */
  close(): void
}

/**
 * The lifecycle every adapter room shares, in one place: the closed guard, the status reports, and
 * the local presence owed to the backend. The store calls `enter` again after every reconnect, but
 * not for a presence entered before the first link came up: that one is sent on `up()`, once.
 */
export class SharedRoom implements AdapterRoom, RoomLink {
  readonly room: string
  readonly user: SelfUser
  readonly sink: RoomSink
  #backend: BackendRoom | undefined
  #presence: LocalPresence | undefined
  #link = 0
  #sentOnLink = -1
  #linked = false
  #closed = false
  readonly #rules: PresenceRules
  readonly #onClose: (room: SharedRoom) => void

  constructor(
    context: { readonly room: string; readonly user: SelfUser; readonly sink: RoomSink },
    rules: PresenceRules,
    onClose: (room: SharedRoom) => void,
  ) {
    this.room = context.room
    this.user = context.user
    this.sink = context.sink
    this.#rules = rules
    this.#onClose = onClose
  }

  /** Hands the room to its backend; a room that never gets one (server rendering) stays inert. */
  attach(backend: BackendRoom): void {
    this.#backend = backend
  }

  get presence(): LocalPresence | undefined {
    return this.#presence
  }

  get linked(): boolean {
    return this.#linked
  }

  get closed(): boolean {
    return this.#closed
  }

  get #canSend(): boolean {
    return this.#backend !== undefined && (this.#linked || this.#rules.sendsWhileDown === true)
  }

  up(connectionId?: string): void {
    if (this.#closed) return
    this.#link++
    this.#linked = true
    this.sink.status('connected', connectionId === undefined ? {} : { connectionId })
    // The store may have entered again while told; otherwise what it entered before is owed.
    const owed = this.#presence
    if (owed === undefined || this.#sentOnLink === this.#link || this.#rules.sendsWhileDown === true) return
    this.#sentOnLink = this.#link
    this.#backend?.enter(owed)
  }

  down(status: 'reconnecting' | 'disconnected' = 'reconnecting', error?: unknown): void {
    if (this.#closed) return
    this.#linked = false
    this.sink.status(status, error === undefined ? {} : { error })
  }

  fail(error: unknown): void {
    if (this.#closed) return
    this.#linked = false
    this.sink.status('failed', { error })
  }

  report(error: unknown): void {
    if (!this.#closed) this.sink.error(error)
  }

  enter(presence: LocalPresence): void {
    if (this.#closed) return
    this.#presence = presence
    if (!this.#canSend) return
    this.#sentOnLink = this.#link
    this.#backend?.enter(presence)
  }

  update(presence: LocalPresence): void {
    if (this.#closed || this.#presence === undefined) return
    this.#presence = presence
    if (!this.#canSend) return
    this.#sentOnLink = this.#link
    this.#backend?.update(presence)
  }

  leave(): void {
    if (this.#closed || this.#presence === undefined) return
    this.#presence = undefined
    if (this.#canSend) this.#backend?.leave()
  }

  typing(typing: boolean): void {
    if (this.#closed || this.#presence === undefined || !this.#canSend) return
    this.#backend?.typing(typing)
  }

  close(): void {
    if (this.#closed) return
    if (this.#rules.leaveOnClose === true) this.leave()
    this.#closed = true
    this.#linked = false
    this.#onClose(this)
    this.#backend?.close()
  }
}
