import { defineConfig } from '@playwright/test'
import { CHROMIUM_FLAGS, requireChromiumPath } from '../../scripts/chromium.js'

// The visual tests have a config of their own: they need only the built Storybook, not the demos
// and example apps that the end-to-end suite's global setup builds.
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../../.reports/visual/test-results',
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  // A story of 100,000 members builds its roster in the page: slow on a busy two-core machine.
  timeout: 180_000,
  // A missing baseline is an error that names the command, never written by a plain run.
  updateSnapshots: 'none',
  snapshotPathTemplate: '{testDir}/baselines/{arg}{ext}',
  expect: { toHaveScreenshot: { threshold: 0.2, maxDiffPixelRatio: 0.002 } },
  reporter: [['list'], ['json', { outputFile: '../../.reports/visual/results.json' }]],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: requireChromiumPath('The visual tests'), args: [...CHROMIUM_FLAGS] },
  },
  projects: [{ name: 'visual' }],
})
