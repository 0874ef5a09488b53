import type { ErrorCode } from '@presence-kit/protocol'

/** Every code the server answers with: `ERROR_CODES` of @presence-kit/protocol, documented there. */
export type ServerErrorCode = ErrorCode

export class PresenceServerError extends Error {
  override readonly name = 'PresenceServerError'
  readonly code: ServerErrorCode

  constructor(code: ServerErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.code = code
  }
}

export function isPresenceServerError(value: unknown): value is PresenceServerError {
  return value instanceof PresenceServerError
}
