import type { ActivityReport, PresenceData, UserInfo } from '@presence-kit/core'
import { isPlainObject } from '@presence-kit/protocol'
import { readActivity, readProfile } from '../shared/wire.js'

/**
 * What a member entered with. The kit enters with `{ data, activity, profile }`; anything else a
 * client entered with is the data itself (an object), or `{ value }` for a plain value.
 */
export function readMemberData(raw: unknown): {
  data: PresenceData
  activity?: ActivityReport
  profile?: UserInfo
} {
  // Copied: the store freezes what it keeps, and this object is the SDK's.
  const copy: unknown = raw === undefined ? undefined : JSON.parse(JSON.stringify(raw))
  if (isPlainObject(copy) && isPlainObject(copy.data)) {
    const activity = readActivity(copy.activity)
    const profile = readProfile(copy.profile)
    return {
      data: copy.data as PresenceData,
      ...(activity === undefined ? {} : { activity }),
      ...(profile === undefined ? {} : { profile }),
    }
  }
  if (isPlainObject(copy)) return { data: copy as PresenceData }
  if (copy === undefined || copy === null) return { data: {} }
  return { data: { value: copy } as unknown as PresenceData }
}
