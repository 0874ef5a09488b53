#!/usr/bin/env node
// `pnpm test:visual`: every story of both Storybooks against its committed screenshots, and React
// against Vue. `pnpm test:visual --update` writes the baselines anew from the current build, after
// a change to the components' look (review the pictures before committing them). Other arguments go
// to `playwright test` (e.g. `-g OnlineList`). Closes with "visual: N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const report = join(here, '..', '..', '.reports', 'visual', 'results.json')
const cli = createRequire(join(here, '..', 'package.json')).resolve('@playwright/test/cli')

const update = process.argv.includes('--update')
const args = process.argv.slice(2).filter((arg) => arg !== '--update')

rmSync(report, { force: true })
const started = Date.now()
const result = spawnSync(process.execPath, [cli, 'test', '-c', join(here, 'playwright.config.ts'), ...args], {
  cwd: here,
  stdio: 'inherit',
  env: {
    ...process.env,
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
    PRESENCE_VISUAL_UPDATE: update ? '1' : '0',
  },
})
const seconds = ((Date.now() - started) / 1000).toFixed(0)

if (!existsSync(report)) {
  process.stdout.write('visual: 0 passed, 1 failed, 0 skipped (no report: the suite did not run)\n')
  process.exit(1)
}
const { stats, errors = [] } = JSON.parse(readFileSync(report, 'utf8'))
const passed = stats.expected
const failed = stats.unexpected + stats.flaky + errors.length
const skipped = stats.skipped
process.stdout.write(`visual: ${passed} passed, ${failed} failed, ${skipped} skipped in ${seconds} s\n`)
if (update) {
  process.stdout.write(
    'Baselines written where the render changed: review them (git status e2e/visual/baselines, then open the PNGs) and commit them.\n',
  )
}
process.exit(result.status === 0 && failed === 0 && skipped === 0 && passed > 0 ? 0 : 1)
