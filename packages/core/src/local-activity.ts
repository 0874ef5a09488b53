import type { Clock } from './clock.js'
import type { ActivityReport } from './types.js'

export interface LocalActivityOptions {
  readonly clock: Clock
  readonly idleAfterMs: number
  /** While active, re-send at most this often so receivers do not see the user go idle. */
  readonly activityRefreshMs: number
}

/**
 * The local tab's activity: last input, visibility and a user-set away flag. It tells the rooms
 * only what receivers cannot work out themselves: coming back to active, hidden, away, and a
 * periodic refresh while the user keeps working. Idle and away by time are computed by every
 * receiver from `inactiveMs` on its own clock, so they cost no message.
 */
export interface LocalActivity {
  /** Call on user input (keys, pointer, scroll). Cheap enough for every event. */
  input(): void
  setHidden(hidden: boolean): void
  setAway(away: boolean): void
  report(): ActivityReport
  readonly hidden: boolean
  readonly away: boolean
  /** Listen for changes that must be sent; returns an unsubscribe. */
  subscribe(listener: () => void): () => void
}

export function createLocalActivity(options: LocalActivityOptions): LocalActivity {
  const { clock, idleAfterMs } = options
  // A refresh slower than the idle threshold would make an active user flicker to idle remotely.
  const refreshMs = Math.min(options.activityRefreshMs, Math.max(1, Math.floor(idleAfterMs / 2)))
  const listeners = new Set<() => void>()
  let lastInputAt = clock.now()
  let lastSentAt = lastInputAt
  let hidden = false
  let away = false

  function notify(): void {
    lastSentAt = clock.now()
    for (const listener of Array.from(listeners)) listener()
  }

  return {
    input() {
      const now = clock.now()
      const wasInactive = now - lastInputAt >= idleAfterMs
      lastInputAt = now
      if (wasInactive || now - lastSentAt >= refreshMs) notify()
    },
    setHidden(value) {
      if (value === hidden) return
      hidden = value
      if (!value) lastInputAt = clock.now()
      notify()
    },
    setAway(value) {
      if (value === away) return
      away = value
      if (!value) lastInputAt = clock.now()
      notify()
    },
    report() {
      return { inactiveMs: Math.max(0, clock.now() - lastInputAt), hidden, away }
    },
    get hidden() {
      return hidden
    },
    get away() {
      return away
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
