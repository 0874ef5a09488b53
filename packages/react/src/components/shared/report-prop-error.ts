import { PresenceError } from '@presence-kit/core'

const reported = new Set<string>()

function isDevelopment(): boolean {
  // Bundlers replace `process.env.NODE_ENV`; a page without one has no `process` and stays quiet.
  return typeof process !== 'undefined' && process.env['NODE_ENV'] !== 'production'
}

/**
 * Logs a bad prop as a `PresenceError` (`invalid-input` for a message) once per message in
 * development; never in production, never by throwing.
 */
export function reportPropError(problem: PresenceError | string | undefined): void {
  if (problem === undefined || !isDevelopment()) return
  const error = typeof problem === 'string' ? new PresenceError('invalid-input', problem) : problem
  if (reported.has(error.message)) return
  reported.add(error.message)
  console.error(error)
}
