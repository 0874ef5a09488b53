import { fileURLToPath } from 'node:url'
import { defineProject } from 'vitest/config'

// Type tests of the published declarations (dist/, so run `pnpm build` first), as an app sees them
// (the checker runs through scripts/type-tests so that each project keeps its own build-info file):
// `vue-tsc` checks test-d/, single-file components included, with the app-style registration of
// test-d/register.ts; an `expectTypeOf` or `@ts-expect-error` that does not hold, or a type error in
// a component's script or template, fails the run.
export default defineProject({
  test: {
    name: 'vue-types',
    typecheck: {
      enabled: true,
      only: true,
      checker: fileURLToPath(new URL('../../scripts/type-tests/vue-tsc.mjs', import.meta.url)),
      include: ['test-d/**/*.test-d.ts'],
      tsconfig: './test-d/tsconfig.json',
    },
  },
})
