import type { PresenceError } from '@presence-kit/core'

function isProduction(): boolean {
  // Written as bundlers expect it, so they can replace it; `process` does not exist in browsers.
  return typeof process !== 'undefined' && process.env.NODE_ENV === 'production'
}

/** Bad props and arguments are reported, not thrown, so one wrong value never takes a page down. */
export function reportInDevelopment(error: PresenceError): void {
  if (!isProduction()) console.warn(`[presence-kit] ${error.message}`, error)
}
