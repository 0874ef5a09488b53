/**
 * Time as the store sees it. Every TTL runs on this clock (the receiver's), never on a timestamp
 * a sender wrote. Injected so tests and simulations control time.
 */
export interface Clock {
  now(): number
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

/** The real clock. Timer functions are looked up on each call so test fake timers take effect. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
}
