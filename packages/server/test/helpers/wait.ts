/** Polls until `check` holds; fails with `what` and the last value it saw. */
export async function waitFor<T>(
  read: () => T,
  check: (value: T) => boolean,
  what: string,
  timeoutMs = 5000,
): Promise<T> {
  const started = Date.now()
  let value = read()
  while (!check(value)) {
    if (Date.now() - started > timeoutMs) {
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what}; last value: ${JSON.stringify(value)}`,
      )
    }
    await new Promise((resolve) => setTimeout(resolve, 20))
    value = read()
  }
  return value
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
