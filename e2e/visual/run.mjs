#!/usr/bin/env node
// `pnpm test:visual`: every story of both Storybooks against its committed screenshots, and React
// against Vue. `pnpm test:visual --update` writes the baselines anew from the current build, after
// a change to the components' look (review the pictures before committing them). Other arguments go
// to `playwright test` (e.g. `-g OnlineList`). Closes with "visual: N passed, N failed, N skipped".
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runPlaywright } from '../support/run-playwright.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const update = process.argv.includes('--update')
const status = runPlaywright({
  name: 'visual',
  config: join(here, 'playwright.config.ts'),
  report: join(here, '..', '..', '.reports', 'visual', 'results.json'),
  args: process.argv.slice(2).filter((arg) => arg !== '--update'),
  env: { PRESENCE_VISUAL_UPDATE: update ? '1' : '0' },
})
if (update) {
  process.stdout.write(
    'Baselines written where the render changed: review them (git status e2e/visual/baselines, then open the PNGs) and commit them.\n',
  )
}
process.exit(status)
