export { burstEvents, userId, type BurstEvent } from './burst-events.js'

/** Calls `deliver` for each event, one per macrotask (`setImmediate`: no 1 ms timer clamp). */
export function deliverOnePerTask<E>(events: readonly E[], deliver: (event: E) => void): Promise<void> {
  return new Promise((resolve) => {
    let next = 0
    const step = () => {
      if (next === events.length) return resolve()
      deliver(events[next++]!)
      setImmediate(step)
    }
    setImmediate(step)
  })
}

/** Resolves once `done()` holds, checked once per macrotask, so frames and renders can run between. */
export function until(done: () => boolean, timeoutMs = 120_000): Promise<void> {
  const start = performance.now()
  return new Promise((resolve, reject) => {
    const check = () => {
      if (done()) return resolve()
      if (performance.now() - start > timeoutMs)
        return reject(new Error('the page never showed the final state'))
      setImmediate(check)
    }
    check()
  })
}
