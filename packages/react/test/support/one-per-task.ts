/**
 * Calls `deliver(i)` for i = 0 … count − 1, each in its own task (a MessageChannel message), the way
 * a socket hands over one message per task. Resolves after the last one.
 */
export function deliverOnePerTask(count: number, deliver: (index: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const channel = new MessageChannel()
    let index = 0
    channel.port1.addEventListener('message', () => {
      try {
        deliver(index++)
      } catch (error) {
        channel.port1.close()
        reject(error)
        return
      }
      if (index < count) channel.port2.postMessage(null)
      else {
        channel.port1.close()
        resolve()
      }
    })
    channel.port1.start()
    channel.port2.postMessage(null)
  })
}

/** Runs `body` with React's act() checks off: for updates that arrive as real tasks, not in act(). */
export async function outsideAct<T>(body: () => Promise<T>): Promise<T> {
  const flagHost = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean | undefined }
  const previous = flagHost.IS_REACT_ACT_ENVIRONMENT
  flagHost.IS_REACT_ACT_ENVIRONMENT = false
  try {
    return await body()
  } finally {
    flagHost.IS_REACT_ACT_ENVIRONMENT = previous
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
