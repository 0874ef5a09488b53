/** The demo apps (`apps/<framework>-demo`), each a static build. */
export type Framework = 'react' | 'vue'
/** The example apps (`examples/<example>`), each a server-rendering framework's production server. */
export type Example = 'nextjs' | 'nuxt'

const FRAMEWORKS: readonly Framework[] = ['react', 'vue']
const EXAMPLES: readonly Example[] = ['nextjs', 'nuxt']

/**
 * Every app, or those `E2E_FRAMEWORKS` names (`react`, `vue`, `nextjs`, `nuxt`, comma-separated)
 * while working on some of them. An unknown name is an error, never a silently smaller run.
 */
function selectedApps(): readonly string[] {
  const raw = process.env.E2E_FRAMEWORKS
  if (raw === undefined || raw.trim() === '') return [...FRAMEWORKS, ...EXAMPLES]
  const names = raw.split(',').map((name) => name.trim())
  const known: readonly string[] = [...FRAMEWORKS, ...EXAMPLES]
  for (const name of names) {
    if (!known.includes(name)) throw new Error(`E2E_FRAMEWORKS: unknown app "${name}".`)
  }
  return names
}

/** The demos to test: both, or those `E2E_FRAMEWORKS` names. */
export function selectedFrameworks(): readonly Framework[] {
  return FRAMEWORKS.filter((framework) => selectedApps().includes(framework))
}

/** The example apps to build and test: both, or those `E2E_FRAMEWORKS` names. */
export function selectedExamples(): readonly Example[] {
  return EXAMPLES.filter((example) => selectedApps().includes(example))
}
