import { defineConfig } from 'vitest/config'

// One config, one project per package (and one for the workspace's scripts); every project tests
// sources, not builds. The story tests render every story of both Storybooks in Chromium;
// storybook-build checks the static build. The type tests (packages/*/vitest.types.config.ts) check
// the built declarations, as an app sees them.
export default defineConfig({
  test: {
    projects: [
      'packages/*/vitest.config.ts',
      'packages/*/vitest.types.config.ts',
      'packages/core/vitest.big-rooms.config.ts',
      'apps/*/vitest.config.ts',
      '.storybook/vitest.config.ts',
      '.storybook-vue/vitest.config.ts',
      'stories/test/vitest.config.ts',
      'scripts/vitest.config.ts',
    ],
    reporters: ['default', 'json'],
    outputFile: { json: '.reports/vitest.json' },
  },
})
