/**
 * Decides when a batch of presence input is committed to the store. Returns a function that
 * cancels the scheduled flush.
 */
export type BatchScheduler = (flush: () => void) => () => void

/**
 * - `'frame'` (default): once per animation frame in browsers, with a 100 ms timeout so hidden
 *   tabs (where frames stop) still commit; a 16 ms timer where there are no frames (servers, tests).
 * - `'sync'`: every input commits at once (simple, slow for bursts).
 * - a number: at most one commit per that many milliseconds.
 * - a function: your own scheduler.
 */
export type BatchOption = 'frame' | 'sync' | number | BatchScheduler

interface FrameHost {
  requestAnimationFrame?: (callback: () => void) => number
  cancelAnimationFrame?: (handle: number) => void
}

export const frameScheduler: BatchScheduler = (flush) => {
  const host = globalThis as FrameHost
  let done = false
  const run = () => {
    if (done) return
    done = true
    cancel()
    flush()
  }
  const frames = typeof host.requestAnimationFrame === 'function'
  const timeout = globalThis.setTimeout(run, frames ? 100 : 16)
  const frame = frames ? host.requestAnimationFrame!(run) : undefined
  function cancel() {
    done = true
    globalThis.clearTimeout(timeout)
    if (frame !== undefined) host.cancelAnimationFrame?.(frame)
  }
  return cancel
}

export function intervalScheduler(ms: number): BatchScheduler {
  return (flush) => {
    const handle = globalThis.setTimeout(flush, ms)
    return () => globalThis.clearTimeout(handle)
  }
}

export function toBatchScheduler(option: BatchOption): BatchScheduler | 'sync' {
  if (option === 'sync') return 'sync'
  if (option === 'frame') return frameScheduler
  if (typeof option === 'number') return intervalScheduler(option)
  return option
}
