import type { PresenceError } from '@presence-kit/core'

const reported = new Set<string>()

function isDevelopment(): boolean {
  // Bundlers replace `process.env.NODE_ENV`; a page without one has no `process` and stays quiet.
  return typeof process !== 'undefined' && process.env['NODE_ENV'] !== 'production'
}

/** Logs a bad prop once per message in development, never in production, never by throwing. */
export function reportPropError(error: PresenceError | undefined): void {
  if (error === undefined || !isDevelopment() || reported.has(error.message)) return
  reported.add(error.message)
  console.error(error)
}
