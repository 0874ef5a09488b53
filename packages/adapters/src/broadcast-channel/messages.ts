import type { ActivityReport, PresenceData, UserInfo } from '@presence-kit/core'
import { isNonEmptyString, isPlainObject } from '@presence-kit/protocol'
import { describe, invalidInput, readActivity, readProfile } from '../shared/wire.js'

const BACKEND = 'broadcast-channel'

/** What tabs say to each other on a room's channel. */
export type TabMessage =
  | { readonly type: 'hello'; readonly from: string }
  | {
      readonly type: 'state'
      readonly from: string
      readonly userId: string
      readonly seq: number
      readonly data: PresenceData
      readonly activity?: ActivityReport
      readonly profile?: UserInfo
    }
  | { readonly type: 'alive'; readonly from: string }
  | { readonly type: 'leave'; readonly from: string; readonly userId: string; readonly seq: number }
  | { readonly type: 'typing'; readonly from: string; readonly userId: string; readonly typing: boolean }

/** Checks one message from another tab; undefined (and reported) when it is not one. */
export function readTabMessage(raw: unknown, report: (error: unknown) => void): TabMessage | undefined {
  const bad = () => {
    report(invalidInput(BACKEND, 'a message from another tab has the wrong shape.', describe(raw)))
    return undefined
  }
  if (!isPlainObject(raw) || !isNonEmptyString(raw.from)) return bad()
  switch (raw.type) {
    case 'hello':
    case 'alive':
      return { type: raw.type, from: raw.from }
    case 'state': {
      if (!isNonEmptyString(raw.userId) || !Number.isSafeInteger(raw.seq) || !isPlainObject(raw.data))
        return bad()
      const activity = readActivity(raw.activity)
      const profile = readProfile(raw.profile)
      return {
        type: 'state',
        from: raw.from,
        userId: raw.userId,
        seq: raw.seq as number,
        // Structured clone already copied it; the store freezes what it keeps.
        data: raw.data as PresenceData,
        ...(activity === undefined ? {} : { activity }),
        ...(profile === undefined ? {} : { profile }),
      }
    }
    case 'leave':
      if (!isNonEmptyString(raw.userId) || !Number.isSafeInteger(raw.seq)) return bad()
      return { type: 'leave', from: raw.from, userId: raw.userId, seq: raw.seq as number }
    case 'typing':
      if (!isNonEmptyString(raw.userId) || typeof raw.typing !== 'boolean') return bad()
      return { type: 'typing', from: raw.from, userId: raw.userId, typing: raw.typing }
    default:
      return bad()
  }
}
