import { PresenceServerError } from './errors.js'

/** Who a connection is: decided by the server, never by what the client claims. */
export interface PresenceIdentity {
  readonly userId: string
  readonly name?: string
  readonly avatarUrl?: string
}

export const MAX_USER_ID_LENGTH = 128
export const MAX_NAME_LENGTH = 200
export const MAX_AVATAR_URL_LENGTH = 2048

/** Checks what `authenticate` (or a token) produced, so a bad identity never reaches the rooms. */
export function toIdentity(value: unknown): PresenceIdentity {
  if (typeof value !== 'object' || value === null) {
    throw new PresenceServerError('unauthorized', 'authenticate returned no identity')
  }
  const { userId, name, avatarUrl } = value as Record<string, unknown>
  if (typeof userId !== 'string' || userId.length === 0 || userId.length > MAX_USER_ID_LENGTH) {
    throw new PresenceServerError(
      'unauthorized',
      `userId must be a string of 1 to ${MAX_USER_ID_LENGTH} characters`,
    )
  }
  const identity: { userId: string; name?: string; avatarUrl?: string } = { userId }
  if (name !== undefined && name !== null) {
    if (typeof name !== 'string' || name.length > MAX_NAME_LENGTH) {
      throw new PresenceServerError(
        'unauthorized',
        `name must be a string of at most ${MAX_NAME_LENGTH} characters`,
      )
    }
    identity.name = name
  }
  if (avatarUrl !== undefined && avatarUrl !== null) {
    if (typeof avatarUrl !== 'string' || avatarUrl.length > MAX_AVATAR_URL_LENGTH) {
      throw new PresenceServerError(
        'unauthorized',
        `avatarUrl must be a string of at most ${MAX_AVATAR_URL_LENGTH} characters`,
      )
    }
    identity.avatarUrl = avatarUrl
  }
  return identity
}

/** The display fields of an identity, as connections carry them. */
export function profileOf(identity: PresenceIdentity): { name?: string; avatarUrl?: string } | undefined {
  const profile: { name?: string; avatarUrl?: string } = {}
  if (identity.name !== undefined) profile.name = identity.name
  if (identity.avatarUrl !== undefined) profile.avatarUrl = identity.avatarUrl
  return profile.name === undefined && profile.avatarUrl === undefined ? undefined : profile
}
