// Runs `playwright test` with a config and closes with one line, "<name>: N passed, N failed,
// N skipped", read from the run's JSON report. The exit code is non-zero on any failure, any skipped
// test, or a run that ran no test at all.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const e2eDir = join(dirname(fileURLToPath(import.meta.url)), '..')
const cli = createRequire(join(e2eDir, 'package.json')).resolve('@playwright/test/cli')

/** @param {{ name: string, config: string, report: string, args: string[], env?: Record<string, string> }} run */
export function runPlaywright({ name, config, report, args, env = {} }) {
  rmSync(report, { force: true })
  const started = Date.now()
  const result = spawnSync(process.execPath, [cli, 'test', '-c', config, ...args], {
    cwd: dirname(config),
    stdio: 'inherit',
    env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1', ...env },
  })
  const seconds = ((Date.now() - started) / 1000).toFixed(0)
  if (!existsSync(report)) {
    process.stdout.write(`${name}: 0 passed, 1 failed, 0 skipped (no report: the suite did not run)\n`)
    return 1
  }
  const { stats, errors = [] } = JSON.parse(readFileSync(report, 'utf8'))
  const passed = stats.expected
  const failed = stats.unexpected + stats.flaky + errors.length
  const skipped = stats.skipped
  process.stdout.write(`${name}: ${passed} passed, ${failed} failed, ${skipped} skipped in ${seconds} s\n`)
  return result.status === 0 && failed === 0 && skipped === 0 && passed > 0 ? 0 : 1
}
