import type { PresenceData } from '@presence-kit/core'
import { readActivity, readProfile, withoutKeys } from '../shared/wire.js'
import type { PhoenixMetaReading } from './types.js'

/**
 * The default reading of a meta. A server that tracks what the kit pushes keeps it under `data`
 * (with `activity` and `profile`); any other Phoenix app's meta (`online_at`, `device`…) is the
 * data itself, minus Phoenix's own bookkeeping.
 */
export function defaultReadMeta(connectionIdKey: string) {
  const bookkeeping = new Set(['phx_ref', 'phx_ref_prev', connectionIdKey])
  return (meta: Readonly<Record<string, unknown>>): PhoenixMetaReading => {
    if (Object.hasOwn(meta, 'data')) {
      // Whatever `data` holds goes to the store, which rejects anything but a JSON object.
      const activity = readActivity(meta.activity)
      const profile = readProfile(meta.profile)
      return {
        data: meta.data as PresenceData,
        ...(activity === undefined ? {} : { activity }),
        ...(profile === undefined ? {} : { profile }),
      }
    }
    return { data: withoutKeys(meta, bookkeeping) }
  }
}
