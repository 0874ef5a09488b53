import { createStore, type StoreApi } from 'zustand/vanilla'
import type { AdapterRoom, RoomSink } from './adapter.js'
import { toBatchScheduler, type BatchScheduler } from './batch.js'
import { PresenceError, toPresenceError } from './errors.js'
import { Listeners, type PresenceEventMap, type PresenceEventName, type PresenceListener } from './events.js'
import type { LocalActivity } from './local-activity.js'
import { copyPresenceData } from './model/sanitize.js'
import { RoomModel } from './model/room-model.js'
import type { ResolvedOptions } from './options.js'
import type { PresenceObject, RegisteredPresence } from './register.js'
import type { Member, PresenceData, RoomState } from './types.js'
import type { UserInfoCache } from './user-info.js'
import { INSPECT } from './inspect-key.js'
import { retryAdapter } from './retry-adapter.js'

/** What a room needs from its client. */
export interface RoomHost {
  readonly options: ResolvedOptions
  readonly activity: LocalActivity
  readonly userInfo: UserInfoCache
  userGone(userId: string): void
  committed(): void
  /** Set by `@presence-kit/core/inspect` while someone inspects: every adapter input, as handed over. */
  tap?: ((room: Room, kind: string, input: unknown, detail?: unknown) => void) | undefined
}

export type PresenceUpdate<D extends PresenceObject> = D | ((current: D) => D)

/** A handle on one room. `client.room(name)` always returns the same handle for a name. */
export class Room<D extends PresenceObject = RegisteredPresence> {
  /** The zustand store of this room's state: subscribe to it, or read it with `getState()`. */
  readonly store: StoreApi<RoomState<D>>
  /** The model holds `D` as the JSON it was checked to be. */
  readonly #model: RoomModel<D & PresenceData>
  readonly #listeners: Listeners<D>
  readonly #scheduler: BatchScheduler | 'sync'
  #cancelFlush: (() => void) | undefined
  #adapterRoom: AdapterRoom | undefined
  #sinkToken: object | undefined
  #localData: D | undefined
  #explicitlyJoined = false
  #joinHolds = 0
  #watchHolds = 0
  #needsEnter = false
  #releasePending = false
  #typingSince: number | undefined
  #typingSentAt = 0
  #typingTimer: unknown
  #unsubscribeActivity: (() => void) | undefined
  #destroyed = false
  /** Depth of adapter callbacks being applied; a 'sync' commit waits until it is back to 0. */
  #applying = 0
  /** What store subscribers threw during a commit, reported once its events are out. */
  #subscriberErrors: unknown[] = []

  readonly #host: RoomHost
  /** For `@presence-kit/core/inspect` only: the model's deadlines and a sink on the open link. */
  declare readonly [INSPECT]: () => readonly [ReadonlyMap<string, number>, RoomSink | undefined]
  constructor(
    readonly name: string,
    host: RoomHost,
  ) {
    this.#host = host
    // Set here rather than declared as a method: esbuild counts a class with a computed key as a
    // side effect and would keep the whole core in an app that imports one hook from the bindings.
    this[INSPECT] = () => [this.#model._deadlines, this.#sinkToken && this.#createSink(this.#sinkToken)]
    const { options } = host
    this.#listeners = new Listeners<D>(options.onListenerError)
    this.#scheduler = toBatchScheduler(options.batch)
    this.#model = new RoomModel<D & PresenceData>({
      room: name,
      options,
      userInfo: host.userInfo,
      userGone: (userId) => host.userGone(userId),
      wantsEvents: () => this.#listeners._any,
      onDirty: () => this.#scheduleCommit(),
    })
    const store = createStore<RoomState<D>>()(() => this.#model._state)
    // Subscribers are guarded like listeners (rule 10): one that throws stops neither the others,
    // nor the commit, nor the adapter call or timer that made it.
    const subscribe = store.subscribe
    store.subscribe = (listener) =>
      subscribe((state, previous) => {
        try {
          listener(state, previous)
        } catch (error) {
          options.onListenerError(error)
          this.#subscriberErrors.push(error)
        }
      })
    this.store = store
  }

  // ---- Membership -------------------------------------------------------------------------

  /** Enter the room with presence data (and watch it). Joining again updates the data. */
  join(data?: PresenceUpdate<D>): void {
    if (this.#refuseWhenDestroyed('join')) return
    this.#explicitlyJoined = true
    this.#enter(data)
  }

  /** Change the local presence data; ignored (with an `error` event) when not joined. */
  update(data: PresenceUpdate<D>): void {
    if (this.#refuseWhenDestroyed('update')) return
    if (this.#localData === undefined) {
      this.#model._report(
        new PresenceError('invalid-state', `room('${this.name}').update() needs join() first.`),
      )
      return
    }
    const next = this.#takeLocalData(data)
    if (next === undefined) return
    this.#localData = next
    this.#publish('update')
  }

  /** Leave the room's presence. Watchers (`watch()`) keep receiving the roster. */
  leave(): void {
    this.#explicitlyJoined = false
    if (this.#joinHolds === 0) this.#exit()
  }

  /**
   * Join for as long as the returned release has not been called, counted: many components can
   * hold one room and the adapter sees one join. Releases are deferred by a microtask, so a
   * StrictMode unmount-and-mount does not leave and join again.
   */
  acquire(initialPresence?: PresenceUpdate<D>): () => void {
    if (this.#refuseWhenDestroyed('acquire')) return () => {}
    this.#joinHolds++
    if (this.#joinHolds === 1 && !this.#explicitlyJoined && this.#localData === undefined)
      this.#enter(initialPresence)
    return this.#once(() => {
      this.#joinHolds--
      this.#deferRelease()
    })
  }

  /** Receive the roster without entering presence, until the returned release is called. */
  watch(): () => void {
    if (this.#refuseWhenDestroyed('watch')) return () => {}
    this.#watchHolds++
    this.#open()
    return this.#once(() => {
      this.#watchHolds--
      this.#deferRelease()
    })
  }

  /**
   * Try the backend again: after a failure, or while a first connection takes too long. The
   * adapter is asked to reconnect, then the room is closed and opened again, the local presence
   * entered again, and the roster kept (stale) until the fresh one arrives. Nothing happens while
   * nobody watches or joins the room.
   */
  retry(): void {
    if (this.#refuseWhenDestroyed('retry') || (this.#localData === undefined && this.#watchHolds === 0))
      return
    const room = this.#adapterRoom
    this.#adapterRoom = this.#sinkToken = undefined
    this.#call('close', undefined, room)
    this.#model._connectionStatus('connecting')
    retryAdapter(this.#host.options.adapter, (error) => this.#model._report(error))
    this.#open()
    if (this.#localData === undefined) return
    // Entered here, on the new link: not once more when it connects.
    this.#needsEnter = false
    this.#publish('enter')
  }

  // ---- Typing -----------------------------------------------------------------------------

  /**
   * Call on every key press. The signal goes out at once, then at most every `typing.throttleMs`,
   * and stops by itself after `typing.autoStopMs` without a call.
   */
  startTyping(): void {
    if (this.#localData === undefined || this.#adapterRoom === undefined) return
    const { clock, typingThrottleMs, typingAutoStopMs } = this.#host.options
    const now = clock.now()
    if (this.#typingSince === undefined || now - this.#typingSentAt >= typingThrottleMs) {
      this.#typingSince ??= now
      this.#typingSentAt = now
      this.#call('typing', true)
    }
    if (this.#typingTimer !== undefined) clock.clearTimeout(this.#typingTimer)
    this.#typingTimer = clock.setTimeout(() => this.stopTyping(), typingAutoStopMs)
  }

  /** Call on send, blur and unmount: receivers drop the typer at once. */
  stopTyping(): void {
    if (this.#typingTimer !== undefined) this.#host.options.clock.clearTimeout(this.#typingTimer)
    this.#typingTimer = undefined
    if (this.#typingSince === undefined) return
    this.#typingSince = undefined
    this.#call('typing', false)
  }

  /** Whether the local user is signalling typing in this room. */
  isTyping(): boolean {
    return this.#typingSince !== undefined
  }

  // ---- Queries ----------------------------------------------------------------------------

  /** The committed state, or one member of it. */
  get(): RoomState<D>
  get(userId: string): Member<D> | undefined
  get(userId?: string): RoomState<D> | Member<D> | undefined {
    if (userId === undefined) return this.store.getState()
    return this.#model._committedMember(userId)
  }

  /** Whether a user is present (leave grace included) in the committed state. */
  isUserPresent(userId: string): boolean {
    return this.get(userId) !== undefined
  }

  /** Every member, or what `chooser` makes of each (Phoenix's `list`). */
  list(): readonly Member<D>[]
  list<T>(chooser: (member: Member<D>) => T): T[]
  list<T>(chooser?: (member: Member<D>) => T): readonly Member<D>[] | T[] {
    const { members } = this.store.getState()
    return chooser === undefined ? members : members.map(chooser)
  }

  /** Rebuilds a member whose resolved info arrived. */
  refreshUser(userId: string): void {
    this.#model._refreshUser(userId)
  }

  /** Reports an error that concerns this room (from the client's user-info cache). */
  reportError(error: PresenceError): void {
    this.#model._report(error)
  }

  /** Whether the room still holds anything of this user (present or recently left). */
  remembers(userId: string): boolean {
    return this.#model._hasUser(userId)
  }

  // ---- Events -----------------------------------------------------------------------------

  /** Listen to one event or several; returns the unsubscribe function. */
  on<E extends PresenceEventName>(event: E | readonly E[], listener: PresenceListener<D, E>): () => void {
    const names = (Array.isArray(event) ? event : [event]) as readonly E[]
    for (const name of names) this.#listeners._add(name, listener)
    return this.#once(() => this.off(names, listener))
  }

  off<E extends PresenceEventName>(event: E | readonly E[], listener: PresenceListener<D, E>): void {
    const names = (Array.isArray(event) ? event : [event]) as readonly E[]
    for (const name of names) this.#listeners._remove(name, listener)
  }

  clearListeners(event?: PresenceEventName): void {
    this.#listeners._clear(event)
  }

  /** How many listeners are registered (for leak checks). */
  listenerCount(event?: PresenceEventName): number {
    return this.#listeners._count(event)
  }

  /** Commit whatever is pending now, instead of at the next frame. */
  flush(): void {
    this.#cancelFlush?.()
    this.#cancelFlush = undefined
    const result = this.#model._commit()
    if (result === undefined) return
    // State first, so listeners and subscribers read the snapshot their events describe.
    this.store.setState(result.state, true)
    const subscriberErrors = this.#subscriberErrors
    this.#subscriberErrors = []
    for (const event of result.events) {
      this.#listeners._emit(event.type, event as PresenceEventMap<D>[typeof event.type])
    }
    if (this.#listeners._has('change')) {
      this.#listeners._emit(
        'change',
        Object.freeze({ type: 'change', events: result.events, state: result.state }),
      )
    }
    // An event, not lastError: a subscriber that throws on every state would otherwise loop.
    for (const cause of subscriberErrors) {
      const error = new PresenceError('listener-error', 'A store subscriber threw.', { cause })
      this.#listeners._emit('error', Object.freeze({ type: 'error', error }))
    }
    this.#host.committed()
  }

  /** Timers and listeners this room holds right now (for leak checks). */
  resources(): { readonly listeners: number; readonly deadlines: number; readonly open: boolean } {
    return {
      listeners: this.#listeners._count(),
      deadlines: this.#model._pendingDeadlines,
      open: this.#adapterRoom !== undefined,
    }
  }

  /** Leave, close and release everything. Called by `client.destroy()`. */
  destroy(): void {
    if (this.#destroyed) return
    this.#exit()
    this.#close()
    this.#destroyed = true
    this.#cancelFlush?.()
    this.#cancelFlush = undefined
    this.#model._dispose()
    this.#listeners._clear()
  }

  // ---- Internals --------------------------------------------------------------------------

  #enter(data: PresenceUpdate<D> | undefined): void {
    const next = this.#takeLocalData(data ?? ({} as D))
    if (next === undefined) return
    this.#localData = next
    this.#open()
    this.#unsubscribeActivity ??= this.#host.activity.subscribe(() => {
      if (this.#localData !== undefined) this.#publish('update')
    })
    this.#needsEnter = false
    this.#publish('enter')
  }

  #exit(): void {
    if (this.#localData === undefined) return
    this.stopTyping()
    this.#localData = undefined
    this.#unsubscribeActivity?.()
    this.#unsubscribeActivity = undefined
    this.#model._clearLocal()
    this.#call('leave')
    if (this.#watchHolds === 0) this.#close()
  }

  /** Applies the local data at once, then sends it with the current activity. */
  #publish(method: 'enter' | 'update'): void {
    const data = this.#localData!
    const activity = this.#host.activity.report()
    this.#model._setLocal(data as D & PresenceData, activity)
    this.#call(method, { data, activity })
  }

  #open(): void {
    if (this.#adapterRoom !== undefined) return
    const token = {}
    this.#sinkToken = token
    const sink = this.#createSink(token)
    try {
      this.#adapterRoom = this.#host.options.adapter.openRoom({
        room: this.name,
        user: this.#host.options.user,
        sink,
      })
    } catch (error) {
      this.#sinkToken = undefined
      // A backend that cannot open the room is reported, never thrown into a component.
      this.#model._report(toPresenceError(error))
      this.#model._connectionStatus('failed')
    }
  }

  #close(): void {
    if (this.#adapterRoom === undefined) return
    const adapterRoom = this.#adapterRoom
    this.#adapterRoom = undefined
    this.#sinkToken = undefined
    this.#call('close', undefined, adapterRoom)
    // Nobody watches: forget the roster; the next open starts from a fresh snapshot.
    this.#model._reset()
    this.#model._connectionStatus('disconnected')
  }

  /**
   * Every call into the adapter room is guarded: a throw or a rejected promise is reported as an
   * `adapter-error`, never thrown into a component or timer. A failed enter is sent again at the
   * next `connected`.
   */
  #call(
    method: 'enter' | 'update' | 'leave' | 'typing' | 'close',
    arg?: unknown,
    room = this.#adapterRoom,
  ): void {
    const failed = (error: unknown) => {
      if (this.#destroyed) return
      this.#model._report(toPresenceError(error))
      if (method === 'enter') this.#needsEnter = true
    }
    if (room === undefined) return
    try {
      const result = (room as unknown as Record<typeof method, (arg: unknown) => unknown>)[method](arg)
      // The contract's methods return nothing, but an async implementation returns a promise.
      if (typeof (result as PromiseLike<unknown> | undefined)?.then === 'function')
        (result as PromiseLike<unknown>).then(undefined, failed)
    } catch (error) {
      failed(error)
    }
  }

  #deferRelease(): void {
    if (this.#releasePending) return
    this.#releasePending = true
    queueMicrotask(() => {
      this.#releasePending = false
      if (this.#destroyed) return
      if (this.#joinHolds === 0 && !this.#explicitlyJoined) this.#exit()
      if (this.#joinHolds === 0 && this.#watchHolds === 0 && this.#localData === undefined) this.#close()
    })
  }

  /** Every callback the adapter gets is guarded: late input after close is ignored, none throws. */
  #createSink(token: object): RoomSink {
    // Fixed arity on purpose: these run for every presence event, and rest arguments allocate.
    const guard =
      <A, B>(kind: string, apply: (arg: A, detail?: B) => void) =>
      (arg: A, detail?: B): void => {
        if (this.#sinkToken !== token) return
        this.#host.tap?.(this as unknown as Room, kind, arg, detail)
        this.#applying++
        try {
          apply(arg, detail)
        } catch (error) {
          this.#model._report(error)
        } finally {
          this.#applying--
        }
        if (this.#applying === 0 && this.#scheduler === 'sync' && this.#model._hasChanges) this.flush()
      }
    return {
      snapshot: guard('snapshot', (connections: unknown) => this.#model._snapshot(connections)),
      join: guard('join', (connection: unknown) => this.#model._diff('join', connection)),
      update: guard('update', (connection: unknown) => this.#model._diff('update', connection)),
      leave: guard('leave', (leave: unknown) => this.#model._diff('leave', leave)),
      typing: guard('typing', (signal: unknown) => this.#model._typing(signal)),
      count: guard('count', (users: unknown) => this.#model._count(users)),
      status: guard('status', (status: unknown, detail?: { connectionId?: unknown; error?: unknown }) =>
        this.#applyStatus(status, detail),
      ),
      error: guard('error', (error: unknown) => this.#model._report(error)),
    }
  }

  #applyStatus(status: unknown, detail: { connectionId?: unknown; error?: unknown } | undefined): void {
    if (detail?.error !== undefined) this.#model._report(detail.error)
    this.#model._connectionStatus(status, detail)
    if (status === 'connected') {
      // Own presence is re-sent after every reconnect, whatever the backend remembers.
      const reenter = this.#needsEnter && this.#localData !== undefined
      this.#needsEnter = false
      if (reenter) this.#call('enter', { data: this.#localData, activity: this.#host.activity.report() })
    } else if (status !== 'connecting') {
      this.#needsEnter = true
    }
  }

  #takeLocalData(update: PresenceUpdate<D>): D | undefined {
    let value: unknown = update
    if (typeof update === 'function') {
      try {
        value = update(this.#localData ?? ({} as D))
      } catch (error) {
        this.#model._report(
          new PresenceError('invalid-data', 'The presence updater threw.', { cause: error }),
        )
        return undefined
      }
    }
    const taken = copyPresenceData(value, this.#host.options.maxDataBytes)
    if (taken instanceof PresenceError) {
      this.#model._report(taken)
      return undefined
    }
    return taken as D
  }

  #scheduleCommit(): void {
    if (this.#destroyed) return
    if (this.#scheduler === 'sync') {
      if (this.#applying === 0) this.flush()
      return
    }
    if (this.#cancelFlush !== undefined) return
    this.#cancelFlush = this.#scheduler(() => {
      this.#cancelFlush = undefined
      this.flush()
    })
  }

  #refuseWhenDestroyed(method: string): boolean {
    if (!this.#destroyed) return false
    console.warn(`[presence-kit] room('${this.name}').${method}() after client.destroy() is ignored.`)
    return true
  }

  #once(fn: () => void): () => void {
    let done = false
    return () => {
      if (done) return
      done = true
      fn()
    }
  }
}
