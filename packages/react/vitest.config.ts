import { fileURLToPath } from 'node:url'
import { defineProject } from 'vitest/config'

const core = (path: string) => fileURLToPath(new URL(`../core/src/${path}`, import.meta.url))

export default defineProject({
  resolve: {
    // Tests run against the core's sources, so they do not depend on its build.
    alias: [
      { find: /^@presence-kit\/core\/ui$/, replacement: core('ui/index.ts') },
      { find: /^@presence-kit\/core\/dom$/, replacement: core('dom.ts') },
      { find: /^@presence-kit\/core\/testing$/, replacement: core('testing/index.ts') },
      { find: /^@presence-kit\/core$/, replacement: core('index.ts') },
    ],
  },
  test: {
    name: 'react',
    // Nothing here is timed: the deadline only stops a hung test. Work that takes half a second
    // alone (thousands of rows in jsdom) has passed vitest's default 5 s on a busy two-core machine.
    testTimeout: 30_000,
    environment: 'jsdom',
    include: ['test/**/*.test.{ts,tsx}'],
    setupFiles: ['test/setup.ts'],
  },
})
