import { defineProject } from 'vitest/config'

// The workspace's own tooling: how the docs' examples are read out of markdown and mapped back, and
// the launcher behind `npm start` (it needs the packages built, as `npm test` does before this).
export default defineProject({
  test: {
    name: 'scripts',
    environment: 'node',
    include: ['*.test.ts'],
    // One test runs tsc on two small files; on a shared two-core machine that can pass 5 s.
    testTimeout: 30_000,
  },
})
