/**
 * Every error code the core reports. Wire errors never throw into a backend's callback: they are
 * dropped, reported as an `error` event and kept as `lastError`.
 */
export type PresenceErrorCode =
  /** Input from an adapter that is not the shape the contract promises. */
  | 'invalid-input'
  /** Presence data that is not plain JSON (functions, cycles, non-finite numbers, class instances). */
  | 'invalid-data'
  /** Presence data larger than `maxDataBytes`. */
  | 'data-too-large'
  /** A configuration value out of range or of the wrong type. */
  | 'invalid-options'
  /** A call made in a state that cannot serve it (a destroyed client, a room not joined). */
  | 'invalid-state'
  /** The adapter reported an error of its own (transport, permission, backend). */
  | 'adapter-error'
  /** `resolveUser` threw or rejected. */
  | 'resolve-user-failed'
  /** An event listener threw; the other listeners still ran. */
  | 'listener-error'

export class PresenceError extends Error {
  override readonly name = 'PresenceError'
  readonly code: PresenceErrorCode
  /** What was rejected, when that helps to find the cause (never the whole untrusted payload). */
  readonly detail: unknown

  constructor(code: PresenceErrorCode, message: string, options: { cause?: unknown; detail?: unknown } = {}) {
    // Error reads only `cause` from the options (and sets it when the key is there).
    super(message, options)
    this.code = code
    this.detail = options.detail
  }
}

export function isPresenceError(value: unknown): value is PresenceError {
  return value instanceof PresenceError
}

/** Wraps anything an adapter reports so listeners always get a `PresenceError`. */
export function toPresenceError(value: unknown, code: PresenceErrorCode = 'adapter-error'): PresenceError {
  if (value instanceof PresenceError) return value
  const message = value instanceof Error ? value.message : typeof value === 'string' ? value : 'unknown error'
  return new PresenceError(code, message, { cause: value })
}
