import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    name: 'core',
    environment: 'node',
    include: ['test/**/*.test.ts'],
    // Some tests build 100,000-member rosters or run hundreds of property cases; on a shared
    // two-core machine they can take longer than the 5 s default without anything being wrong.
    testTimeout: 30_000,
  },
})
