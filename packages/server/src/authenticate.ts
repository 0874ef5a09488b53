import { PresenceServerError } from './errors.js'
import type { PresenceIdentity } from './identity.js'
import type { Authenticate, Handshake } from './options.js'
import { verifyPresenceToken } from './token.js'

function tokenOf(handshake: Handshake): unknown {
  const auth: unknown = handshake.auth
  if (typeof auth === 'object' && auth !== null && 'token' in auth) return (auth as { token: unknown }).token
  return undefined
}

/** The default: a token from `createPresenceToken`, in `auth.token`, checked with the secret. */
export function tokenAuthenticate(secret: string): Authenticate {
  return (handshake) => verifyPresenceToken(tokenOf(handshake), secret)
}

function queryString(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0]
  return undefined
}

/** Development only: whoever connects is who their query says. */
export const devAuthenticate: Authenticate = (handshake) => {
  const query = handshake.query
  const userId = queryString(query.userId)
  if (userId === undefined)
    throw new PresenceServerError('unauthorized', 'dev mode: pass ?userId= in the query')
  const identity: { userId: string; name?: string; avatarUrl?: string } = { userId }
  const name = queryString(query.name)
  const avatarUrl = queryString(query.avatarUrl)
  if (name !== undefined) identity.name = name
  if (avatarUrl !== undefined) identity.avatarUrl = avatarUrl
  return identity satisfies PresenceIdentity
}
