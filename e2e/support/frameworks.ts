export type Framework = 'react' | 'vue'

const ALL: readonly Framework[] = ['react', 'vue']

/**
 * Both frameworks, or those `E2E_FRAMEWORKS` names (`react`, `vue`, comma-separated) while working
 * on one of them. An unknown name is an error, never a silently smaller run.
 */
export function selectedFrameworks(): readonly Framework[] {
  const raw = process.env.E2E_FRAMEWORKS
  if (raw === undefined || raw.trim() === '') return ALL
  const names = raw.split(',').map((name) => name.trim())
  for (const name of names) {
    if (!ALL.includes(name as Framework)) throw new Error(`E2E_FRAMEWORKS: unknown framework "${name}".`)
  }
  return names as Framework[]
}
