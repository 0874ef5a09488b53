/**
 * A browser test's steps, each a wait for a condition, sharing one deadline: a slow machine may
 * take most of it on any one step, and a step that never happens fails with its own name rather
 * than a bare "Timeout exceeded" or the test's timeout.
 */
export interface NamedSteps {
  /** Runs `wait` with the time left; when it throws, the error says the step did not happen. */
  step<T>(name: string, wait: (timeout: number) => Promise<T>, describe?: () => Promise<string>): Promise<T>
}

export function namedSteps(budgetMs: number): NamedSteps {
  const deadline = Date.now() + budgetMs
  // How long each step that happened took, so a step that found the budget spent says by whom.
  const done: string[] = []
  return {
    async step(name, wait, describe) {
      const started = Date.now()
      // Never zero: Playwright reads a timeout of 0 as "no timeout".
      const timeout = Math.max(1, deadline - started)
      try {
        const result = await wait(timeout)
        done.push(`${name} ${((Date.now() - started) / 1000).toFixed(1)} s`)
        return result
      } catch (error) {
        const cause = error instanceof Error ? error.message.split('\n')[0] : String(error)
        const state = describe === undefined ? '' : `; ${await describe().catch(() => 'state unknown')}`
        const waited = ((Date.now() - started) / 1000).toFixed(1)
        const before = done.length === 0 ? '' : `; before it: ${done.join(', ')}`
        throw new Error(`Step did not happen: ${name} (waited ${waited} s${state}${before}): ${cause}`, {
          cause: error,
        })
      }
    },
  }
}
