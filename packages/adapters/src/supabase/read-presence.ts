import type { ConnectionInput, PresenceData } from '@presence-kit/core'
import { isNonEmptyString, isPlainObject } from '@presence-kit/protocol'
import { describe, invalidInput, readActivity, readProfile, withoutKeys } from '../shared/wire.js'

const BACKEND = 'supabase'
const BOOKKEEPING = new Set(['presence_ref', 'presence_id'])

export interface ReadPresence {
  readonly userId: string
  readonly data: PresenceData
  /** Undefined only for a presence tracked by other code whose `presence_ref` was lost. */
  readonly connection: ConnectionInput | undefined
  /** The presence's `presence_ref`; missing on copies realtime-js has already altered (see roster.ts). */
  readonly ref: string | undefined
  /** True when the kit tracked it (it names its own connection id). */
  readonly kit: boolean
}

/** One tracked presence as the channel reports it, mapped to a connection (or an error). */
export function readPresence(
  key: unknown,
  presence: unknown,
  report: (error: unknown) => void,
): ReadPresence | undefined {
  if (!isNonEmptyString(key)) {
    report(invalidInput(BACKEND, 'a presence key must be a non-empty string.', describe(key)))
    return undefined
  }
  if (!isPlainObject(presence)) {
    report(invalidInput(BACKEND, `a presence of "${key}" is not an object.`, describe(presence)))
    return undefined
  }
  const ref = isNonEmptyString(presence.presence_ref) ? presence.presence_ref : undefined
  // Tracked by the kit: its own connection id and `{ data, activity, profile }`. Tracked by other
  // code: the payload is the data, and the ref is the only id it has.
  const kit = isNonEmptyString(presence.presence_id)
  const connectionId = kit ? (presence.presence_id as string) : ref
  const data = kit ? (presence.data as PresenceData) : withoutKeys(presence, BOOKKEEPING)
  if (connectionId === undefined) return { userId: key, data, connection: undefined, ref, kit }
  const activity = kit ? readActivity(presence.activity) : undefined
  const profile = kit ? readProfile(presence.profile) : undefined
  const connection: ConnectionInput = {
    connectionId,
    userId: key,
    data,
    ...(activity === undefined ? {} : { activity }),
    ...(profile === undefined ? {} : { profile }),
  }
  return { userId: key, data, connection, ref, kit }
}
