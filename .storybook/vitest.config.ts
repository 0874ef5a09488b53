import { fileURLToPath } from 'node:url'
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin'
import { playwright } from '@vitest/browser-playwright'
import { defineProject } from 'vitest/config'
import { chromiumArgs, chromiumExecutable } from './chromium.ts'

// Every React story is a test in real Chromium: it renders, its play function runs, axe checks it.
export default defineProject({
  plugins: [storybookTest({ configDir: fileURLToPath(new URL('.', import.meta.url)) })],
  test: {
    name: 'stories-react',
    // The 100,000-member stories render, and axe checks them, on a shared 2-core machine: one has
    // taken 49 s there under other builds.
    testTimeout: 120_000,
    globalSetup: [fileURLToPath(new URL('./require-chromium.setup.ts', import.meta.url))],
    browser: {
      enabled: true,
      // Chromium on a busy two-core machine has taken longer than the default 30 s to connect.
      connectTimeout: 180_000,
      headless: true,
      provider: playwright({ launchOptions: { executablePath: chromiumExecutable(), args: chromiumArgs } }),
      instances: [{ browser: 'chromium' }],
    },
  },
})
