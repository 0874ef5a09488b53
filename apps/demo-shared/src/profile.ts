import { AVATAR_CHOICES, isAvatarChoice } from './avatars.js'
import type { DemoSettings } from './settings.js'

/** Who the local user is in the demo. */
export interface DemoProfile {
  readonly userId: string
  readonly name: string
  /** An `AVATAR_CHOICES` id or `none`. */
  readonly avatar: string
}

const STORAGE_KEY = 'presence-kit-demo:profile'

/** The slice of `Storage` this needs; absent on a server or where storage is blocked. */
export interface ProfileStorage {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
}

function randomGuest(): DemoProfile {
  const suffix = Math.floor(Math.random() * 36 ** 4)
    .toString(36)
    .padStart(4, '0')
  const avatar = AVATAR_CHOICES[Math.floor(Math.random() * AVATAR_CHOICES.length)]?.id ?? 'sun'
  return { userId: `guest-${suffix}`, name: `Guest ${suffix.toUpperCase()}`, avatar }
}

function stored(storage: ProfileStorage | undefined): Partial<DemoProfile> {
  try {
    const raw = storage?.getItem(STORAGE_KEY)
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
 * remembered (so two tabs are the same user, as in a real app), then a random guest.
 */
export function loadProfile(settings: DemoSettings, storage: ProfileStorage | undefined): DemoProfile {
  const guest = randomGuest()
  const remembered = settings.userId === undefined ? stored(storage) : {}
  return {
    userId: settings.userId ?? remembered.userId ?? guest.userId,
    name: settings.name ?? remembered.name ?? guest.name,
    avatar:
      settings.avatar !== undefined && isAvatarChoice(settings.avatar)
        ? settings.avatar
        : (remembered.avatar ?? guest.avatar),
  }
}

export function saveProfile(profile: DemoProfile, storage: ProfileStorage | undefined): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(profile))
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
