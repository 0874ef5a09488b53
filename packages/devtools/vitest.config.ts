import { fileURLToPath } from 'node:url'
import { defineProject } from 'vitest/config'

const core = (path: string) => fileURLToPath(new URL(`../core/src/${path}`, import.meta.url))

export default defineProject({
  resolve: {
    // Tests run against the core's sources, so they do not depend on its build.
    alias: [
      { find: /^@presence-kit\/core\/inspect$/, replacement: core('inspect/index.ts') },
      { find: /^@presence-kit\/core\/testing$/, replacement: core('testing/index.ts') },
      { find: /^@presence-kit\/core$/, replacement: core('index.ts') },
    ],
  },
  test: {
    name: 'devtools',
    // Nothing here is timed: the deadline only stops a hung test.
    testTimeout: 30_000,
    environment: 'jsdom',
    include: ['test/**/*.test.ts'],
  },
})
