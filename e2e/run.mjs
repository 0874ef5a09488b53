#!/usr/bin/env node
// Runs the Playwright suite against both demos and closes with one line, "e2e: N passed, N failed,
// N skipped". Exits non-zero on any failure, any skipped test, or a run that ran no test at all.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const report = join(here, '..', '.reports', 'e2e', 'results.json')
const cli = createRequire(join(here, 'package.json')).resolve('@playwright/test/cli')

rmSync(report, { force: true })
const result = spawnSync(
  process.execPath,
  [cli, 'test', '-c', join(here, 'playwright.config.ts'), ...process.argv.slice(2)],
  {
    cwd: here,
    stdio: 'inherit',
    env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
  },
)

if (!existsSync(report)) {
  process.stdout.write('e2e: 0 passed, 1 failed, 0 skipped (no report: the suite did not run)\n')
  process.exit(1)
}
const { stats, errors = [] } = JSON.parse(readFileSync(report, 'utf8'))
const passed = stats.expected
const failed = stats.unexpected + stats.flaky + errors.length
const skipped = stats.skipped
process.stdout.write(`e2e: ${passed} passed, ${failed} failed, ${skipped} skipped\n`)
process.exit(result.status === 0 && failed === 0 && skipped === 0 && passed > 0 ? 0 : 1)
