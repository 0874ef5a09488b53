/**
 * Calls `deliver(i)` for i = 0 … count − 1, one per task, the way a socket hands over one message
 * per task, so that React may render between any two. Node drains a MessagePort's whole queue in
 * one go (a message posted while handling one is handled in the same turn), so there the tasks are
 * `setImmediate` callbacks, the macrotask React's own scheduler uses in Node.
 */
export function deliverOnePerTask(count: number, deliver: (index: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let index = 0
    const step = () => {
      if (index >= count) return resolve()
      try {
        deliver(index++)
      } catch (error) {
        reject(error)
        return
      }
      setImmediate(step)
    }
    setImmediate(step)
  })
}

/** Resolves once `done()` holds, checking after every task; rejects after `timeoutMs`. */
export function waitFor(done: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs
  return new Promise((resolve, reject) => {
    const check = () => {
      if (done()) return resolve()
      if (performance.now() > deadline) return reject(new Error('the page never reached its final state'))
      setTimeout(check, 0)
    }
    check()
  })
}
