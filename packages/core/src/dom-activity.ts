import type { LocalActivity } from './local-activity.js'

/** The little of a browser window this needs; typed here so the core does not need the DOM types. */
export interface ActivityWindow {
  addEventListener(
    type: string,
    listener: () => void,
    options?: { passive?: boolean; capture?: boolean },
  ): void
  removeEventListener(type: string, listener: () => void, options?: { capture?: boolean }): void
  readonly document?: {
    readonly visibilityState?: string
    addEventListener(type: string, listener: () => void): void
    removeEventListener(type: string, listener: () => void): void
  }
}

export interface WatchDomActivityOptions {
  /** @default globalThis.window, looked up at call time; without one nothing is watched */
  window?: ActivityWindow
  /** What counts as input. @default ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'focus'] */
  events?: readonly string[]
}

const DEFAULT_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'focus'] as const

/**
 * Feeds a client's local activity from the page: input events and visibility. Touches `window`
 * only when called, never at import, so it is safe in server code. Returns the stop function.
 */
export function watchDomActivity(
  target: { readonly activity: LocalActivity },
  options: WatchDomActivityOptions = {},
): () => void {
  const win = options.window ?? (globalThis as { window?: ActivityWindow }).window
  if (win === undefined) return () => {}
  const { activity } = target
  const events = options.events ?? DEFAULT_EVENTS
  const onInput = () => activity.input()
  const doc = win.document
  const onVisibility = () => activity.setHidden(doc?.visibilityState === 'hidden')
  for (const type of events) win.addEventListener(type, onInput, { passive: true, capture: true })
  doc?.addEventListener('visibilitychange', onVisibility)
  if (doc?.visibilityState !== undefined) onVisibility()
  let stopped = false
  return () => {
    if (stopped) return
    stopped = true
    for (const type of events) win.removeEventListener(type, onInput, { capture: true })
    doc?.removeEventListener('visibilitychange', onVisibility)
  }
}
