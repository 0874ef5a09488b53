// Types for stress-target.mjs, which plain Node runs without a build step.
export interface StressTarget {
  readonly kind: 'vitest' | 'e2e' | 'command'
  readonly command: string
  readonly args: readonly string[]
}

export function commandFor(options: {
  readonly root: string
  readonly file?: string
  readonly command?: string
  readonly reportFile: string
  readonly extraArgs?: readonly string[]
}): StressTarget

export function failuresOf(options: {
  readonly kind: StressTarget['kind']
  readonly root: string
  readonly reportFile: string
  readonly output: string
}): string[]
