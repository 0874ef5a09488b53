import { fileURLToPath } from 'node:url'
import { defineProject } from 'vitest/config'

const core = (path: string) => fileURLToPath(new URL(`../../packages/core/src/${path}`, import.meta.url))
const adapters = (path: string) =>
  fileURLToPath(new URL(`../../packages/adapters/src/${path}`, import.meta.url))

export default defineProject({
  resolve: {
    // Against the sources, so the tests do not depend on the packages' builds.
    alias: [
      { find: /^@presence-kit\/core\/ui$/, replacement: core('ui/index.ts') },
      { find: /^@presence-kit\/core\/testing$/, replacement: core('testing/index.ts') },
      { find: /^@presence-kit\/core$/, replacement: core('index.ts') },
      { find: /^@presence-kit\/adapters\/socket-io$/, replacement: adapters('socket-io/index.ts') },
      {
        find: /^@presence-kit\/adapters\/broadcast-channel$/,
        replacement: adapters('broadcast-channel/index.ts'),
      },
    ],
  },
  test: {
    name: 'demo-shared',
    // Nothing here is timed: the deadline only stops a hung test. Work that takes half a second
    // alone (thousands of rows in jsdom) has passed vitest's default 5 s on a busy two-core machine.
    testTimeout: 30_000,
    environment: 'node',
    include: ['test/**/*.test.ts'],
  },
})
