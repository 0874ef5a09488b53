import type { ConnectionInput, LeaveInput } from '@presence-kit/core'
import { isNonEmptyString, isPlainObject } from '@presence-kit/protocol'
import { describe, invalidInput } from '../shared/wire.js'
import type { PhoenixMetaReading } from './types.js'

/** One change the store has to hear, in the order Phoenix applies a diff (joins, then leaves). */
export type PresenceChange =
  | { readonly kind: 'join' | 'update'; readonly connection: ConnectionInput }
  | { readonly kind: 'leave'; readonly leave: LeaveInput }

export interface PresenceMapOptions {
  readonly connectionIdKey: string
  readonly userIdFromKey: (key: string, meta: Readonly<Record<string, unknown>>) => string
  readonly readMeta: (meta: Readonly<Record<string, unknown>>) => PhoenixMetaReading
  readonly report: (error: unknown) => void
}

interface Known {
  readonly userId: string
  /** The connection's current `phx_ref`: a leave of any other ref is the tail of an update. */
  ref: string
}

const BACKEND = 'phoenix'
/** How many superseded or left refs are remembered, to drop their late duplicates. */
const MAX_RETIRED = 10_000

/**
 * Turns Phoenix presence (`presence_state`, `presence_diff`) into connections. A key is a user and
 * each of its metas a connection. A connection's id is the id the client sent (echoed in the meta
 * under `connectionIdKey`), else the `phx_ref` it was first seen with: `Presence.update` gives a
 * meta a new `phx_ref` and names the old one in `phx_ref_prev`, so following that chain makes an
 * update one update instead of a leave and a join.
 */
export class PhoenixPresenceMap {
  /** Every `phx_ref` seen in the current roster → its connection id. */
  #connectionOfRef = new Map<string, string>()
  #known = new Map<string, Known>()
  /**
   * Refs that were superseded by an update or left. Phoenix never reuses a ref, so a join of one of
   * these is a late duplicate (or overtook by its own leave) and is dropped instead of becoming a ghost.
   */
  readonly #retired = new Set<string>()
  readonly #options: PresenceMapOptions

  constructor(options: PresenceMapOptions) {
    this.#options = options
  }

  /** A `presence_state`: the full roster, or undefined when the message cannot be read. */
  state(raw: unknown): ConnectionInput[] | undefined {
    if (!isPlainObject(raw)) {
      this.#options.report(invalidInput(BACKEND, 'presence state must be an object of keys.', describe(raw)))
      return undefined
    }
    const previousRefs = this.#connectionOfRef
    this.#connectionOfRef = new Map()
    this.#known = new Map()
    const byConnection = new Map<string, ConnectionInput>()
    for (const [key, meta] of this.#metas(raw)) {
      const read = this.#read(key, meta, previousRefs)
      if (read === undefined) continue
      // The server lists this ref now, whatever reordered diffs made of it before.
      this.#retired.delete(meta.phx_ref as string)
      // One client listed twice (a duplicate track) is one connection: the later meta wins.
      byConnection.set(read.connection.connectionId, read.connection)
    }
    return Array.from(byConnection.values())
  }

  /** A `presence_diff`: the changes in order, or undefined when the message cannot be read. */
  diff(raw: unknown): PresenceChange[] | undefined {
    const joins = isPlainObject(raw) ? (raw.joins ?? {}) : undefined
    const leaves = isPlainObject(raw) ? (raw.leaves ?? {}) : undefined
    if (!isPlainObject(joins) || !isPlainObject(leaves)) {
      this.#options.report(
        invalidInput(BACKEND, 'presence diff must have joins and leaves objects.', describe(raw)),
      )
      return undefined
    }
    const changes: PresenceChange[] = []
    for (const [key, meta] of this.#metas(joins)) {
      if (this.#retired.has(meta.phx_ref as string)) continue
      if (this.#isStaleFirstTrack(meta) || this.#isStaleUpdate(meta)) {
        this.#retire(meta.phx_ref as string)
        continue
      }
      const read = this.#read(key, meta, this.#connectionOfRef)
      if (read === undefined) continue
      if (isNonEmptyString(meta.phx_ref_prev)) this.#retire(meta.phx_ref_prev)
      // The ref this connection had until now is superseded too, even when `phx_ref_prev` names
      // another one (diffs that overtook each other): a late copy of it must not come back.
      if (read.previousRef !== undefined && read.previousRef !== meta.phx_ref) this.#retire(read.previousRef)
      changes.push({ kind: read.known ? 'update' : 'join', connection: read.connection })
    }
    for (const [key, meta] of this.#metas(leaves)) {
      const ref = meta.phx_ref
      if (!isNonEmptyString(ref)) {
        this.#options.report(invalidInput(BACKEND, `a left meta of "${key}" has no phx_ref.`))
        continue
      }
      if (this.#retired.has(ref)) continue
      const connectionId = this.#connectionOfRef.get(ref) ?? this.#echoedId(meta) ?? ref
      this.#retire(ref)
      const known = this.#known.get(connectionId)
      // The old meta of an update: the connection lives on under its new ref.
      if (known !== undefined && known.ref !== ref) continue
      const userId = known?.userId ?? this.#userId(key, meta)
      if (userId === undefined) continue
      this.#known.delete(connectionId)
      changes.push({ kind: 'leave', leave: { connectionId, userId } })
    }
    return changes
  }

  /** Forgets everything (the room was closed). */
  clear(): void {
    this.#connectionOfRef.clear()
    this.#known.clear()
    this.#retired.clear()
  }

  #retire(ref: string): void {
    this.#connectionOfRef.delete(ref)
    this.#retired.add(ref)
    if (this.#retired.size > MAX_RETIRED) this.#retired.delete(this.#retired.values().next().value!)
  }

  *#metas(entries: Record<string, unknown>): Generator<[string, Record<string, unknown>]> {
    for (const key of Object.keys(entries)) {
      const entry = entries[key]
      if (!isPlainObject(entry) || !Array.isArray(entry.metas)) {
        this.#options.report(
          invalidInput(BACKEND, `presence of "${key}" must be { metas: [...] }.`, describe(entry)),
        )
        continue
      }
      for (const meta of entry.metas as unknown[]) {
        if (!isPlainObject(meta)) {
          this.#options.report(invalidInput(BACKEND, `a meta of "${key}" is not an object.`, describe(meta)))
          continue
        }
        yield [key, meta]
      }
    }
  }

  /** Reads one meta; `chain` maps the refs seen before to their connection ids. */
  #read(
    key: string,
    meta: Record<string, unknown>,
    chain: ReadonlyMap<string, string>,
  ): { connection: ConnectionInput; known: boolean; previousRef: string | undefined } | undefined {
    const ref = meta.phx_ref
    if (!isNonEmptyString(ref)) {
      this.#options.report(invalidInput(BACKEND, `a meta of "${key}" has no phx_ref.`))
      return undefined
    }
    const userId = this.#userId(key, meta)
    if (userId === undefined) return undefined
    let reading: PhoenixMetaReading
    try {
      reading = this.#options.readMeta(meta)
    } catch (error) {
      this.#options.report(invalidInput(BACKEND, `readMeta threw for a meta of "${key}".`, error))
      return undefined
    }
    const prev = isNonEmptyString(meta.phx_ref_prev) ? meta.phx_ref_prev : undefined
    const connectionId =
      this.#echoedId(meta) ?? chain.get(ref) ?? (prev === undefined ? undefined : chain.get(prev)) ?? ref
    const known = this.#known.get(connectionId)
    this.#connectionOfRef.set(ref, connectionId)
    this.#known.set(connectionId, { userId, ref })
    const connection: ConnectionInput = {
      connectionId,
      userId,
      ...(reading.data === undefined ? {} : { data: reading.data }),
      ...(reading.activity === undefined ? {} : { activity: reading.activity }),
      ...(reading.profile === undefined ? {} : { profile: reading.profile }),
    }
    const same = known !== undefined && known.userId === userId
    return { connection, known: same, previousRef: same ? known.ref : undefined }
  }

  /**
   * A join without `phx_ref_prev` is a first `track`. Phoenix refuses to track a client that is
   * already tracked, so one for a connection that is known under another ref is a late copy of
   * its first join, overtaken by its updates.
   */
  #isStaleFirstTrack(meta: Record<string, unknown>): boolean {
    if (meta.phx_ref_prev !== undefined) return false
    const id = this.#echoedId(meta)
    const known = id === undefined ? undefined : this.#known.get(id)
    return known !== undefined && known.ref !== meta.phx_ref
  }

  /**
   * An update names the ref it replaces. When that ref was already superseded and this one is not
   * the connection's current ref, a newer update overtook it: applying it would bring old data
   * back and orphan the newer ref.
   */
  #isStaleUpdate(meta: Record<string, unknown>): boolean {
    const prev = meta.phx_ref_prev
    return (
      isNonEmptyString(prev) && this.#retired.has(prev) && !this.#connectionOfRef.has(meta.phx_ref as string)
    )
  }

  #echoedId(meta: Record<string, unknown>): string | undefined {
    const id = meta[this.#options.connectionIdKey]
    return isNonEmptyString(id) ? id : undefined
  }

  #userId(key: string, meta: Record<string, unknown>): string | undefined {
    let userId: unknown
    try {
      userId = this.#options.userIdFromKey(key, meta)
    } catch (error) {
      this.#options.report(invalidInput(BACKEND, `userIdFromKey threw for "${key}".`, error))
      return undefined
    }
    if (isNonEmptyString(userId)) return userId
    this.#options.report(invalidInput(BACKEND, `no user id for presence key "${key}".`, describe(userId)))
    return undefined
  }
}
