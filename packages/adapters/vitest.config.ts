import { fileURLToPath } from 'node:url'
import { defineProject } from 'vitest/config'

const core = (path: string) => fileURLToPath(new URL(`../core/src/${path}`, import.meta.url))

export default defineProject({
  // Tests run against the core's sources, not its build, so they never depend on a stale dist.
  resolve: {
    alias: [
      { find: '@presence-kit/core/testing', replacement: core('testing/index.ts') },
      { find: '@presence-kit/core/ui', replacement: core('ui/index.ts') },
      { find: /^@presence-kit\/core$/, replacement: core('index.ts') },
    ],
  },
  test: {
    name: 'adapters',
    environment: 'node',
    include: ['test/**/*.test.ts'],
  },
})
