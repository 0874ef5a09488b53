import { defineProject } from 'vitest/config'

// Type tests of the published declarations (dist/, so run `pnpm build` first), as an app sees them:
// `tsc` checks test-d/ with the app-style registration of test-d/register.ts; an
// `expectTypeOf` or `@ts-expect-error` that does not hold fails the run.
export default defineProject({
  test: {
    name: 'react-types',
    typecheck: {
      enabled: true,
      only: true,
      include: ['test-d/**/*.test-d.{ts,tsx}'],
      tsconfig: './test-d/tsconfig.json',
    },
  },
})
