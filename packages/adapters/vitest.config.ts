import { fileURLToPath } from 'node:url'
import { defineProject } from 'vitest/config'
import { CHROMIUM_FLAGS, findChromium, missingChromiumMessage } from '../../scripts/chromium.js'

const core = (path: string) => fileURLToPath(new URL(`../core/src/${path}`, import.meta.url))
const server = fileURLToPath(new URL('../server/src/index.ts', import.meta.url))

export default defineProject({
  // Tests run against the core's and the reference server's sources, not their builds, so they
  // never depend on a stale dist.
  resolve: {
    alias: [
      { find: '@presence-kit/core/testing', replacement: core('testing/index.ts') },
      { find: '@presence-kit/core/ui', replacement: core('ui/index.ts') },
      { find: /^@presence-kit\/core$/, replacement: core('index.ts') },
      { find: /^@presence-kit\/server$/, replacement: server },
    ],
  },
  test: {
    name: 'adapters',
    // Nothing here is timed: the deadline only stops a hung test. Work that takes half a second
    // alone (thousands of rows in jsdom) has passed vitest's default 5 s on a busy two-core machine.
    testTimeout: 30_000,
    environment: 'node',
    include: ['test/**/*.test.ts'],
    // What the browser test needs from outside this package, handed over here so no test file
    // reaches into another folder: the core's source to bundle the page from, and the workspace's
    // one way to find Chromium (scripts/chromium.ts).
    provide: {
      coreSource: core('index.ts'),
      chromium: {
        path: findChromium() ?? null,
        flags: [...CHROMIUM_FLAGS],
        missing: missingChromiumMessage('The BroadcastChannel browser tests'),
      },
    },
  },
})
