const TICK_MS = 15_000

const listeners = new Set<() => void>()
let timer: ReturnType<typeof setInterval> | undefined
let now = 0

/**
 * The time relative labels ("Idle · 12 min", "left 2 min ago") are computed from. One timer for the
 * whole page, running only while something listens; each listener recomputes its own label and
 * renders only when that label changed, so unchanged rows stay as they are.
 */
export const sharedClock = {
  now(): number {
    return timer === undefined ? Date.now() : now
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener)
    if (timer === undefined) {
      now = Date.now()
      timer = setInterval(() => {
        now = Date.now()
        for (const notify of listeners) notify()
      }, TICK_MS)
    }
    return () => {
      listeners.delete(listener)
      if (listeners.size === 0 && timer !== undefined) {
        clearInterval(timer)
        timer = undefined
      }
    }
  },
}
