import type { PresenceError } from '../errors.js'
import type { UserInfoCache } from '../user-info.js'
import type { Member, PresenceData } from '../types.js'
import { invalidInput } from './validate-input.js'

/**
 * Why a count-only room's count is not one, or undefined when it is a whole number from 0 to
 * 2³¹ − 1 (no room holds more users: a larger count is a broken or hostile backend).
 */
export function checkCount(raw: unknown): PresenceError | undefined {
  return Number.isInteger(raw) && (raw as number) >= 0 && (raw as number) < 2 ** 31
    ? undefined
    : invalidInput('Invalid count.', raw)
}

const NONE: readonly never[] = Object.freeze([])
const NO_DATA = Object.freeze({})

/**
 * A typer in a count-only room, where no roster holds them: a member made of the user id and the
 * display info the client knows. The one shown before is kept while its info is the same, so the
 * typing list only changes when someone starts, stops or is named.
 */
export function typingStandIn<D extends PresenceData>(
  userId: string,
  userInfo: Pick<UserInfoCache, 'get' | 'request'>,
  shown: readonly Member<D>[],
  now: number,
): Member<D> {
  const info = userInfo.get(userId)
  const kept = shown.find((member) => member.userId === userId)
  if (kept?.info === info && kept !== undefined) return kept
  // Resolved once per user however often they type; the client's cache asks only once.
  userInfo.request(userId)
  return Object.freeze({
    userId,
    data: NO_DATA as D,
    connections: NONE,
    status: 'active',
    isSelf: false,
    info,
    joinedAt: now,
    leftAt: undefined,
  })
}
