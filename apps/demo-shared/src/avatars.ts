/** The pictures the avatar picker offers; the files live in the demos' shared `public/avatars/`. */
export interface AvatarChoice {
  readonly id: string
  readonly label: string
}

export const AVATAR_CHOICES: readonly AvatarChoice[] = [
  { id: 'sun', label: 'Sun' },
  { id: 'sea', label: 'Sea' },
  { id: 'leaf', label: 'Leaf' },
  { id: 'plum', label: 'Plum' },
  { id: 'ember', label: 'Ember' },
  { id: 'night', label: 'Night' },
]

export const NO_AVATAR = 'none'

export function isAvatarChoice(id: string): boolean {
  return id === NO_AVATAR || AVATAR_CHOICES.some((choice) => choice.id === id)
}

/**
 * The absolute URL of an avatar, so other users' pages (on another origin, such as the other
 * framework's demo) load the same file. `undefined` for no avatar: the initials show instead.
 */
export function avatarUrl(id: string, pageUrl: string): string | undefined {
  if (id === NO_AVATAR || !isAvatarChoice(id)) return undefined
  return new URL(`avatars/${id}.png`, pageUrl).href
}
