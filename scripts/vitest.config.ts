import { defineProject } from 'vitest/config'

// The workspace's own tooling: how the docs' examples are read out of markdown and mapped back.
export default defineProject({
  test: {
    name: 'scripts',
    environment: 'node',
    include: ['*.test.ts'],
    // One test runs tsc on two small files; on a shared two-core machine that can pass 5 s.
    testTimeout: 30_000,
  },
})
