/** The value below which `fraction` of the sorted samples fall (nearest rank). */
export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))
  return sorted[rank] as number
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Polls until `done` holds or `timeoutMs` passes; returns whether it held. */
export async function until(done: () => boolean, timeoutMs: number): Promise<boolean> {
  const started = Date.now()
  while (!done()) {
    if (Date.now() - started > timeoutMs) return false
    await sleep(25)
  }
  return true
}
