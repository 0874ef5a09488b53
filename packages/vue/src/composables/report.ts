import type { PresenceError } from '@presence-kit/core'

const reported = new Set<string>()

function isDevelopment(): boolean {
  // Bundlers replace `process.env.NODE_ENV`; a page without one has no `process` and stays quiet.
  return typeof process !== 'undefined' && process.env['NODE_ENV'] !== 'production'
}

/**
 * Bad props and arguments are reported, not thrown, so one wrong value never takes a page down:
 * logged once per message in development, never in production.
 */
export function reportInDevelopment(error: PresenceError): void {
  if (!isDevelopment() || reported.has(error.message)) return
  reported.add(error.message)
  console.error(error)
}
