import { createHmac, timingSafeEqual } from 'node:crypto'
import { PresenceServerError } from './errors.js'
import { toIdentity, type PresenceIdentity } from './identity.js'

export interface PresenceTokenOptions {
  /**
   * How long the token is valid.
   * @default 3600 (one hour)
   */
  readonly expiresInSeconds?: number
  /** The issue time, in milliseconds since the epoch. @default Date.now() */
  readonly now?: number
}

const TOKEN_VERSION = 1
const MIN_SECRET_LENGTH = 16

function checkSecret(secret: unknown): asserts secret is string {
  if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) {
    throw new PresenceServerError(
      'invalid-options',
      `the presence secret must be a string of at least ${MIN_SECRET_LENGTH} characters (set PRESENCE_SECRET)`,
    )
  }
}

function sign(body: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(body).digest()
}

/**
 * A signed token that the default `authenticate` accepts: `<payload>.<signature>`, both base64url,
 * the signature an HMAC-SHA256 of the payload with `secret`. Make it on your own backend, after
 * your own login, and hand it to the browser; never ship the secret to a client.
 */
export function createPresenceToken(
  identity: PresenceIdentity,
  secret: string,
  options: PresenceTokenOptions = {},
): string {
  checkSecret(secret)
  const { userId, name, avatarUrl } = toIdentity(identity)
  const expiresIn = options.expiresInSeconds ?? 3600
  if (!Number.isFinite(expiresIn) || expiresIn <= 0) {
    throw new PresenceServerError('invalid-options', 'expiresInSeconds must be a positive number')
  }
  const issuedAt = Math.floor((options.now ?? Date.now()) / 1000)
  const payload = { v: TOKEN_VERSION, sub: userId, name, avatarUrl, iat: issuedAt, exp: issuedAt + expiresIn }
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url')
  return `${body}.${sign(body, secret).toString('base64url')}`
}

/** Checks a token's signature and expiry; throws an `unauthorized` `PresenceServerError` otherwise. */
export function verifyPresenceToken(
  token: unknown,
  secret: string,
  now: number = Date.now(),
): PresenceIdentity {
  checkSecret(secret)
  if (typeof token !== 'string' || token.length > 8192) {
    throw new PresenceServerError('unauthorized', 'no presence token')
  }
  const dot = token.indexOf('.')
  if (dot <= 0 || dot !== token.lastIndexOf('.')) {
    throw new PresenceServerError('unauthorized', 'malformed presence token')
  }
  const body = token.slice(0, dot)
  const given = Buffer.from(token.slice(dot + 1), 'base64url')
  const expected = sign(body, secret)
  // Compared in constant time, so the signature cannot be guessed byte by byte.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new PresenceServerError('unauthorized', 'invalid presence token signature')
  }
  let payload: unknown
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))
  } catch {
    throw new PresenceServerError('unauthorized', 'malformed presence token')
  }
  if (typeof payload !== 'object' || payload === null) {
    throw new PresenceServerError('unauthorized', 'malformed presence token')
  }
  const { v, sub, name, avatarUrl, exp } = payload as Record<string, unknown>
  if (v !== TOKEN_VERSION) throw new PresenceServerError('unauthorized', 'unsupported presence token version')
  if (typeof exp !== 'number' || exp * 1000 <= now) {
    throw new PresenceServerError('unauthorized', 'expired presence token')
  }
  return toIdentity({ userId: sub, name, avatarUrl })
}
