import { defineConfig } from '@playwright/test'
import { CHROMIUM_FLAGS, requireChromiumPath } from '../scripts/chromium.js'
import type { Example, Framework } from './support/frameworks.js'
import { selectedExamples, selectedFrameworks } from './support/frameworks.js'

// One suite, run once per framework: the specs never name React or Vue, the project does. The
// example apps (Next.js, Nuxt) have their own specs, run once per example.
const frameworks = selectedFrameworks()
const examples = selectedExamples()

export default defineConfig<{ framework: Framework; example: Example }>({
  testDir: './tests',
  globalSetup: './support/global-setup.ts',
  outputDir: '../.reports/e2e/test-results',
  // Tests restart servers and open several browsers: one at a time on two cores.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: '../.reports/e2e/results.json' }]],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: requireChromiumPath('The end-to-end tests'), args: [...CHROMIUM_FLAGS] },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    ...frameworks.map((framework) => ({ name: framework, testDir: './tests', use: { framework } })),
    ...examples.map((example) => ({ name: example, testDir: './examples', use: { example } })),
  ],
})
