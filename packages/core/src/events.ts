import type { PresenceError } from './errors.js'
import type { PresenceObject, RegisteredPresence } from './register.js'
import type { ConnectionStatus, Member, RoomState } from './types.js'

export interface JoinEvent<D extends PresenceObject = RegisteredPresence> {
  readonly type: 'join'
  readonly member: Member<D>
}
export interface LeaveEvent<D extends PresenceObject = RegisteredPresence> {
  readonly type: 'leave'
  /** The member as it was last seen, status `offline`, with `leftAt`. */
  readonly member: Member<D>
  /** The object that stood in the roster until now (the one to remove from a derived list). */
  readonly previous: Member<D>
}
export interface UpdateEvent<D extends PresenceObject = RegisteredPresence> {
  readonly type: 'update'
  readonly member: Member<D>
  readonly previous: Member<D>
}
export interface SyncEvent<D extends PresenceObject = RegisteredPresence> {
  readonly type: 'sync'
  readonly members: readonly Member<D>[]
}
export interface TypingEvent<D extends PresenceObject = RegisteredPresence> {
  readonly type: 'typing'
  readonly typing: readonly Member<D>[]
}
export interface StatusEvent {
  readonly type: 'status'
  readonly status: ConnectionStatus
}
export interface ErrorEvent {
  readonly type: 'error'
  readonly error: PresenceError
}
/** One per commit: every event of the batch, in order, and the committed state. */
export interface ChangeEvent<D extends PresenceObject = RegisteredPresence> {
  readonly type: 'change'
  readonly events: readonly PresenceEvent<D>[]
  readonly state: RoomState<D>
}

export type PresenceEvent<D extends PresenceObject = RegisteredPresence> =
  JoinEvent<D> | LeaveEvent<D> | UpdateEvent<D> | SyncEvent<D> | TypingEvent<D> | StatusEvent | ErrorEvent

export interface PresenceEventMap<D extends PresenceObject = RegisteredPresence> {
  join: JoinEvent<D>
  leave: LeaveEvent<D>
  update: UpdateEvent<D>
  sync: SyncEvent<D>
  typing: TypingEvent<D>
  status: StatusEvent
  error: ErrorEvent
  change: ChangeEvent<D>
}

export type PresenceEventName = keyof PresenceEventMap

export type PresenceListener<D extends PresenceObject, E extends PresenceEventName> = (
  event: PresenceEventMap<D>[E],
) => void

/**
 * Listener registry. Emitting walks a copy of the list, so a listener that removes itself or
 * another does not skip anyone; a listener that throws is reported and the others still run.
 */
export class Listeners<D extends PresenceObject> {
  readonly #byName = new Map<PresenceEventName, Set<(event: never) => void>>()

  readonly #onListenerError: (error: unknown) => void
  constructor(onListenerError: (error: unknown) => void) {
    this.#onListenerError = onListenerError
  }

  _add<E extends PresenceEventName>(name: E, listener: PresenceListener<D, E>): void {
    let set = this.#byName.get(name)
    if (set === undefined) {
      set = new Set()
      this.#byName.set(name, set)
    }
    set.add(listener as (event: never) => void)
  }

  _remove<E extends PresenceEventName>(name: E, listener: PresenceListener<D, E>): void {
    const set = this.#byName.get(name)
    if (set === undefined) return
    set.delete(listener as (event: never) => void)
    if (set.size === 0) this.#byName.delete(name)
  }

  _clear(name?: PresenceEventName): void {
    if (name === undefined) this.#byName.clear()
    else this.#byName.delete(name)
  }

  /** Whether any listener is registered at all. */
  get _any(): boolean {
    return this.#byName.size > 0
  }

  _has(name: PresenceEventName): boolean {
    return this.#byName.has(name)
  }

  _count(name?: PresenceEventName): number {
    if (name !== undefined) return this.#byName.get(name)?.size ?? 0
    let total = 0
    for (const set of this.#byName.values()) total += set.size
    return total
  }

  _emit<E extends PresenceEventName>(name: E, event: PresenceEventMap<D>[E]): void {
    const set = this.#byName.get(name)
    if (set === undefined) return
    for (const listener of Array.from(set)) {
      try {
        ;(listener as (event: PresenceEventMap<D>[E]) => void)(event)
      } catch (error) {
        this.#onListenerError(error)
      }
    }
  }
}
