import type { ActivityReport, PresenceData, UserInfo } from '@presence-kit/core'
import { isNonEmptyString, isPlainObject } from '@presence-kit/protocol'
import { describe, invalidInput, readActivity, readProfile } from '../shared/wire.js'

const BACKEND = 'prsm'

/** The presence state a kit client publishes in a room. */
export interface KitState {
  readonly userId: string
  readonly data: PresenceData
  readonly activity?: ActivityReport
  readonly profile?: UserInfo
  readonly typing: boolean
}

export function readKitState(raw: unknown, report: (error: unknown) => void): KitState | undefined {
  if (
    !isPlainObject(raw) ||
    !isNonEmptyString(raw.userId) ||
    (raw.data !== undefined && !isPlainObject(raw.data))
  ) {
    report(invalidInput(BACKEND, 'a presence state needs { userId, data }.', describe(raw)))
    return undefined
  }
  const activity = readActivity(raw.activity)
  const profile = readProfile(raw.profile)
  return {
    userId: raw.userId,
    // Copied: the store freezes what it keeps.
    data: raw.data === undefined ? {} : (JSON.parse(JSON.stringify(raw.data)) as PresenceData),
    ...(activity === undefined ? {} : { activity }),
    ...(profile === undefined ? {} : { profile }),
    typing: raw.typing === true,
  }
}
