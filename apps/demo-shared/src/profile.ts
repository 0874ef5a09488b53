import { AVATAR_CHOICES, isAvatarChoice } from './avatars.js'
import type { DemoSettings } from './settings.js'

/** Who the local user is in the demo. */
export interface DemoProfile {
  readonly userId: string
  readonly name: string
  /** An `AVATAR_CHOICES` id or `none`. */
  readonly avatar: string
}

// The last identity this browser used, and each identity's own name and picture under its id, so
// a tab opened "as another person" does not rename the first one on its next reload.
const STORAGE_KEY = 'presence-kit-demo:profile'
const userKey = (userId: string) => `${STORAGE_KEY}:${userId}`

/** The slice of `Storage` this needs; absent on a server or where storage is blocked. */
export interface ProfileStorage {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
}

const GUEST_ID = /^guest-([0-9a-z]{1,8})$/u

/** A fresh guest id: what "open as another person" puts in the address. */
export function newGuestId(): string {
  const suffix = Math.floor(Math.random() * 36 ** 4)
    .toString(36)
    .padStart(4, '0')
  return `guest-${suffix}`
}

/** A guest's name follows from their id, so a reload with only `?user=` gives the same name. */
function guestName(userId: string): string | undefined {
  const suffix = GUEST_ID.exec(userId)?.[1]
  return suffix === undefined ? undefined : `Guest ${suffix.toUpperCase()}`
}

function randomAvatar(): string {
  return AVATAR_CHOICES[Math.floor(Math.random() * AVATAR_CHOICES.length)]?.id ?? 'sun'
}

function stored(storage: ProfileStorage | undefined, key: string): Partial<DemoProfile> {
  try {
    const raw = storage?.getItem(key)
    if (raw == null) return {}
    const value: unknown = JSON.parse(raw)
    if (typeof value !== 'object' || value === null) return {}
    const { userId, name, avatar } = value as Record<string, unknown>
    return {
      ...(typeof userId === 'string' ? { userId } : {}),
      ...(typeof name === 'string' ? { name } : {}),
      ...(typeof avatar === 'string' && isAvatarChoice(avatar) ? { avatar } : {}),
    }
  } catch {
    return {}
  }
}

/**
 * The profile at start: the address wins (a link names who you are), then what this browser
 * remembered for that user (or, with no user in the address, the last one it used: two tabs are
 * the same user, as in a real app), then a new guest.
 */
export function loadProfile(settings: DemoSettings, storage: ProfileStorage | undefined): DemoProfile {
  const remembered =
    settings.userId === undefined ? stored(storage, STORAGE_KEY) : stored(storage, userKey(settings.userId))
  const userId =
    settings.userId ??
    (remembered.userId !== undefined && remembered.userId !== '' ? remembered.userId : newGuestId())
  // What was remembered under another id is someone else's name.
  const own = remembered.userId === userId ? remembered : {}
  return {
    userId,
    name: settings.name ?? own.name ?? guestName(userId) ?? userId,
    avatar:
      settings.avatar !== undefined && isAvatarChoice(settings.avatar)
        ? settings.avatar
        : (own.avatar ?? randomAvatar()),
  }
}

export function saveProfile(profile: DemoProfile, storage: ProfileStorage | undefined): void {
  try {
    const value = JSON.stringify(profile)
    storage?.setItem(STORAGE_KEY, value)
    storage?.setItem(userKey(profile.userId), value)
  } catch {
    // Private windows may refuse storage; the profile then lasts for this page only.
  }
}

export function browserStorage(): ProfileStorage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage
  } catch {
    return undefined
  }
}
