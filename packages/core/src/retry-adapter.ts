import type { PresenceAdapter } from './adapter.js'
import { toPresenceError, type PresenceError } from './errors.js'

/** Asks an adapter that can reconnect to do so now; a throw is reported, never passed on. */
export function retryAdapter(adapter: PresenceAdapter, report: (error: PresenceError) => void): void {
  try {
    adapter.reconnect?.()
  } catch (error) {
    report(toPresenceError(error))
  }
}
