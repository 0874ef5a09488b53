import type { ConnectionInput, LeaveInput } from '@presence-kit/core'
import { invalidInput } from '../shared/wire.js'
import type { ReadPresence } from './read-presence.js'

const BACKEND = 'supabase'

export type RosterChange =
  | { readonly kind: 'join' | 'update'; readonly connection: ConnectionInput }
  | { readonly kind: 'leave'; readonly leave: LeaveInput }

interface Entry {
  connection: ConnectionInput
  ref: string
}

/**
 * The room's connections, kept from presence `join` and `leave` events rather than from
 * `channel.presenceState()`. realtime-js (2.109) builds the `currentPresences` of those events by
 * rewriting its own state's presences in place (`phx_ref` becomes `presence_ref`), so after an
 * update or a second tab `presenceState()` holds presences without a `presence_ref`, and old ones
 * that were never removed. The events' `newPresences` and `leftPresences` come from the server's
 * diff and stay exact, except the leaves realtime-js makes itself when it resyncs after a
 * reconnect: those may have lost their `presence_ref`, which is why a leave is matched by the
 * kit's own connection id first.
 *
 * Between a (re)subscription and the `sync` that follows, changes are only recorded; `sync` then
 * hands the whole roster to the store as one snapshot.
 */
export class SupabaseRoster {
  readonly #entries = new Map<string, Entry>()
  /** Connections joined since the last subscription, while its first `sync` is awaited. */
  #resync: Set<string> | undefined
  readonly #report: (error: unknown) => void

  constructor(report: (error: unknown) => void) {
    this.#report = report
  }

  /** The channel (re)subscribed: what follows up to the next `sync` rebuilds the roster. */
  beginResync(): void {
    this.#resync = new Set()
  }

  /** After `sync`: the roster to hand over as a snapshot, once per subscription. */
  endResync(): ConnectionInput[] | undefined {
    if (this.#resync === undefined) return undefined
    this.#resync = undefined
    return Array.from(this.#entries.values(), (entry) => entry.connection)
  }

  join(presences: readonly ReadPresence[]): RosterChange[] {
    const changes: RosterChange[] = []
    for (const { connection, ref, userId } of presences) {
      if (ref === undefined || connection === undefined) {
        this.#report(invalidInput(BACKEND, `a joining presence of "${userId}" has no presence_ref.`))
        continue
      }
      const known = this.#entries.get(connection.connectionId)
      const sameUser = known !== undefined && known.connection.userId === connection.userId
      if (known !== undefined && !sameUser) {
        changes.push({
          kind: 'leave',
          leave: { connectionId: connection.connectionId, userId: known.connection.userId },
        })
      }
      this.#entries.set(connection.connectionId, { connection, ref })
      this.#resync?.add(connection.connectionId)
      changes.push({ kind: sameUser ? 'update' : 'join', connection })
    }
    return this.#resync === undefined ? changes : []
  }

  leave(presences: readonly ReadPresence[]): RosterChange[] {
    const changes: RosterChange[] = []
    for (const presence of presences) {
      const id = this.#leavingId(presence)
      if (id === undefined) continue
      const entry = this.#entries.get(id)!
      this.#entries.delete(id)
      changes.push({ kind: 'leave', leave: { connectionId: id, userId: entry.connection.userId } })
    }
    return this.#resync === undefined ? changes : []
  }

  clear(): void {
    this.#entries.clear()
    this.#resync = undefined
  }

  /** Which known connection a left presence ends, if any. */
  #leavingId(presence: ReadPresence): string | undefined {
    const { connection, ref, userId } = presence
    if (connection !== undefined) {
      const entry = this.#entries.get(connection.connectionId)
      if (entry === undefined) return undefined
      // The old half of an update (the connection lives on under a new ref), or a copy realtime-js
      // altered of a connection this resync has already re-joined.
      if (ref !== undefined ? entry.ref !== ref : this.#resync?.has(connection.connectionId) === true)
        return undefined
      return connection.connectionId
    }
    // Tracked by other code and its ref lost: the same user's connection with the same payload
    // that this resync has not re-joined.
    const data = JSON.stringify(presence.data)
    for (const [id, entry] of this.#entries) {
      if (entry.connection.userId !== userId || this.#resync?.has(id) === true) continue
      if (JSON.stringify(entry.connection.data) === data) return id
    }
    return undefined
  }
}
