/**
 * Every code the server answers with, on the wire (`presence:error`, acknowledgements and
 * `connect_error`) and in the errors its API throws.
 */
export const ERROR_CODES = [
  /** No identity: a missing, malformed, forged or expired token, or `authenticate` refused. */
  'unauthorized',
  /** `authorize` refused this user the room for this action. */
  'forbidden',
  /** A message that is not the shape the protocol defines. */
  'invalid-message',
  /** A message larger than `limits.maxMessageBytes`. */
  'message-too-large',
  /** Presence data larger than `limits.maxDataBytes`. */
  'data-too-large',
  /** More updates, typing signals or messages per second than the limits allow. */
  'rate-limited',
  /** The user already holds `limits.maxConnectionsPerUser` connections. */
  'too-many-connections',
  /** The room already holds `limits.maxMembersPerRoom` members. */
  'room-full',
  /** The connection already watches `limits.maxRoomsPerConnection` rooms. */
  'too-many-rooms',
  /** An update or typing signal for a room the connection has not joined. */
  'not-joined',
  /** The client speaks a protocol version this server does not. */
  'unsupported-protocol',
  /** A configuration value out of range or of the wrong type (thrown by `createPresenceServer`). */
  'invalid-options',
  /** The node is shutting down; connect again, to another node or once it is back. */
  'unavailable',
  /** The server failed while handling the message; the connection and the state are unchanged. */
  'internal-error',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

const known: ReadonlySet<string> = new Set(ERROR_CODES)

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && known.has(value)
}

/**
 * A frame that does not have the protocol's shape, on either side: the server answers a client's
 * with `code`; the client reports a server's as an error of `room` (when it could tell which).
 */
export class WireError extends Error {
  override readonly name = 'WireError'

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly room?: string,
  ) {
    super(message)
  }
}

export function isWireError(value: unknown): value is WireError {
  return value instanceof WireError
}
