import { defineProject } from 'vitest/config'

// Checks the static Storybook build: both frameworks' stories are in it, the Vue one composed; and,
// served and opened in Chromium, the manager shows both, renders the Vue ref's stories and fills
// every component's props table.
export default defineProject({
  test: {
    name: 'storybook-build',
    environment: 'node',
    include: ['*.test.ts'],
    globalSetup: ['./build-storybook.setup.ts'],
    // The build may run in the global setup; the checks themselves are quick.
    testTimeout: 10_000,
  },
})
