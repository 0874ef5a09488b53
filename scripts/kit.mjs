#!/usr/bin/env node
// The README's two commands land here: `npm start` (the demo) and `npm test` (every check).
// Only Node and npm are assumed; everything else is installed or named in one clear message.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { stripVTControlCharacters } from 'node:util'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
const pnpmVersion = manifest.packageManager.split('@')[1]
const isCI = Boolean(process.env.CI)

function fail(message) {
  console.error(`\npresence-kit: ${message}`)
  process.exit(1)
}

function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number)
  if (major < 20 || (major === 20 && minor < 19)) {
    fail(`Node ${process.versions.node} is too old: install Node 20.19 or newer, then run the command again.`)
  }
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options })
  if (result.error) return { ok: false, error: result.error }
  return { ok: result.status === 0, status: result.status, stdout: result.stdout, stderr: result.stderr }
}

// pnpm at exactly the pinned version: the one on PATH when it matches, else through npx.
function pnpmCommand() {
  const probe = spawnSync('pnpm', ['--version'], { encoding: 'utf8' })
  if (!probe.error && probe.stdout.trim() === pnpmVersion) return ['pnpm', []]
  const viaNpx = spawnSync('npx', ['--yes', `pnpm@${pnpmVersion}`, '--version'], { encoding: 'utf8' })
  if (!viaNpx.error && viaNpx.stdout.trim() === pnpmVersion) return ['npx', ['--yes', `pnpm@${pnpmVersion}`]]
  fail(
    `pnpm ${pnpmVersion} could not be installed through npx. Install it with "npm i -g pnpm@${pnpmVersion}" and run the command again.`,
  )
}

const [pnpmBin, pnpmPrefix] = (() => {
  checkNode()
  return pnpmCommand()
})()

function pnpm(args, options) {
  return run(pnpmBin, [...pnpmPrefix, ...args], options)
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0
}

function which(command) {
  const probe = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' })
  return probe.status === 0 ? probe.stdout.trim() : undefined
}

/**
 * A system package the tests need (Debian's Chromium for browser tests, redis-server for the
 * multi-node server tests). Installed with apt when running as root, else named in one message.
 */
function ensureSystemPackage({ command, aptPackage, envVariable, purpose }) {
  const fromEnv = envVariable === undefined ? undefined : process.env[envVariable]
  if (fromEnv !== undefined && existsSync(fromEnv)) return fromEnv
  const found = which(command)
  if (found !== undefined) return found
  if (!isRoot() || which('apt-get') === undefined) {
    fail(
      `${purpose} needs ${command}. Install it (on Debian or Ubuntu: "sudo apt-get install -y ${aptPackage}")` +
        (envVariable === undefined ? '' : ` or set ${envVariable} to its path`) +
        ', then run the command again.',
    )
  }
  console.log(`\n▶ installing ${aptPackage} (${purpose})`)
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env })
  const installed =
    update.status === 0 &&
    spawnSync('apt-get', ['install', '-y', '-qq', aptPackage], { stdio: 'inherit', env }).status === 0
  const path = which(command)
  if (!installed || path === undefined) {
    fail(`apt-get could not install ${aptPackage}; install it by hand and run the command again.`)
  }
  return path
}

/** What the workspace's tests need from the system, by the packages that are present. */
function ensureSystemDependencies() {
  // The reference server's cluster tests and the prsm adapter's tests both run a real Redis.
  if (['packages/server', 'packages/adapters/test/prsm'].some((path) => existsSync(join(root, path)))) {
    ensureSystemPackage({
      command: 'redis-server',
      aptPackage: 'redis-server',
      envVariable: 'REDIS_SERVER_PATH',
      purpose: 'the multi-node server tests',
    })
  }
  const browserTests = ['e2e', '.storybook/main.ts', 'packages/adapters/test/browser', 'bench/browser'].some(
    (path) => existsSync(join(root, path)),
  )
  if (browserTests) {
    process.env.CHROMIUM_PATH = ensureSystemPackage({
      command: 'chromium',
      aptPackage: 'chromium',
      envVariable: 'CHROMIUM_PATH',
      purpose: 'the browser tests',
    })
  }
}

const results = []
/**
 * Runs one pnpm step. `quiet` keeps its output back and prints it only when the step fails, so the
 * demo's first lines after install are its own addresses, not a build log.
 */
function step(name, args, { quiet = false, ...options } = {}) {
  const started = Date.now()
  console.log(`\n▶ ${name}`)
  const outcome = pnpm(
    args,
    quiet ? { ...options, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' } : options,
  )
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  results.push({ name, ok: outcome.ok, seconds })
  if (quiet && !outcome.ok) process.stderr.write(`${outcome.stdout ?? ''}${outcome.stderr ?? ''}`)
  console.log(`${outcome.ok ? '✔' : '✘'} ${name} (${seconds} s)`)
  return outcome.ok
}

function install() {
  const env = { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' }
  const args =
    existsSync(join(root, 'pnpm-lock.yaml')) && isCI ? ['install', '--frozen-lockfile'] : ['install']
  if (!step('install dependencies', args, { env })) fail('pnpm install failed; the lines above say why.')
}

function readReport(...path) {
  const file = join(root, '.reports', ...path)
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null
}

/** Tests counted over both runners: vitest (unit, property, story tests) and Playwright (e2e). */
function testCounts() {
  const unit = readReport('vitest.json')
  if (!unit) return null
  const counts = {
    passed: unit.numPassedTests,
    failed: unit.numFailedTests,
    skipped: unit.numPendingTests + unit.numTodoTests,
  }
  // Playwright's two runs: the end-to-end suite and the visual tests.
  for (const report of [readReport('e2e', 'results.json'), readReport('visual', 'results.json')]) {
    if (!report) continue
    counts.passed += report.stats.expected
    counts.failed += report.stats.unexpected + report.stats.flaky + (report.errors ?? []).length
    counts.skipped += report.stats.skipped
  }
  return counts
}

/** Names of the failed tests, so the summary's last lines say which ones without scrolling back. */
function failedTestNames() {
  const names = []
  const unit = readReport('vitest.json')
  for (const file of unit?.testResults ?? []) {
    const relative = file.name.startsWith(root) ? file.name.slice(root.length + 1) : file.name
    const failed = (file.assertionResults ?? []).filter((test) => test.status === 'failed')
    for (const test of failed) {
      const reason = (test.failureMessages?.[0] ?? '').split('\n')[0].slice(0, 200)
      names.push(`${relative} > ${test.fullName}${reason ? `: ${reason}` : ''}`)
    }
    if (failed.length === 0 && file.status === 'failed') {
      names.push(`${relative}: ${(file.message ?? 'failed to run').split('\n')[0].slice(0, 200)}`)
    }
  }
  const visit = (runner, suite, trail) => {
    for (const spec of suite.specs ?? []) {
      if (spec.ok) continue
      const error = (spec.tests ?? [])
        .flatMap((test) => test.results ?? [])
        .find((result) => result.error)?.error
      // The whole message on one line: an expectation's own text (which render differed, what the
      // preview logged) comes after its first line.
      const reason = stripVTControlCharacters(String(error?.message ?? ''))
        .replace(/\s+/gu, ' ')
        .trim()
      names.push(
        `${runner} ${suite.file ?? ''} > ${[...trail, spec.title].join(' > ')}` +
          (reason ? `: ${reason.slice(0, 600)}` : ''),
      )
    }
    for (const child of suite.suites ?? []) visit(runner, child, [...trail, child.title])
  }
  for (const runner of ['e2e', 'visual']) {
    for (const suite of readReport(runner, 'results.json')?.suites ?? []) visit(runner, suite, [])
  }
  return names
}

function testAll() {
  // Counts come from the runners' reports: never from an earlier run's.
  rmSync(join(root, '.reports'), { recursive: true, force: true })
  ensureSystemDependencies()
  install()
  const steps = [
    ['build packages', ['run', 'build']],
    ['docs examples type-check', ['run', 'docs:check']],
    ['typecheck', ['run', 'typecheck']],
    ['lint and format', ['run', 'lint']],
    ['package hygiene (publint)', ['run', 'publint']],
    ['packed tarballs: LICENSE, README, types (attw, ESM-only)', ['run', 'attw']],
    // Before the tests: one of them checks the build lists both frameworks' stories.
    ['Storybook build (React and Vue)', ['run', 'build-storybook']],
    ['unit and property tests', ['run', 'test:unit']],
    ['end-to-end tests (both demos, the Next.js and Nuxt examples, in Chromium)', ['run', 'e2e']],
    // On the Storybook built above (run alone, `pnpm test:visual` builds it when there is none).
    [
      'visual tests (every story of both frameworks, light, dark and right-to-left, against the baselines; React against Vue)',
      ['run', 'test:visual'],
    ],
    ['benchmarks, quick run', ['run', 'bench:quick']],
    ['bundle size', ['run', 'size']],
  ]
  for (const [name, args] of steps) step(name, args)

  console.log('\nSummary')
  for (const r of results) console.log(`  ${r.ok ? 'pass' : 'FAIL'}  ${r.name} (${r.seconds} s)`)
  const counts = testCounts()
  const failedSteps = results.filter((r) => !r.ok).length
  if (counts) {
    for (const name of failedTestNames()) console.log(`  failed test: ${name}`)
    console.log(`tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`)
  }
  console.log(`steps: ${results.length - failedSteps} passed, ${failedSteps} failed`)
  process.exit(failedSteps === 0 && counts && counts.failed === 0 && counts.skipped === 0 ? 0 : 1)
}

function demo() {
  install()
  if (!step('build packages', ['run', 'build'], { quiet: true }))
    fail('the build failed; the lines above say why.')
  // The reference server (in memory, development identity) and both demo pages, until Ctrl-C.
  const outcome = run(process.execPath, [join(root, 'scripts', 'demo.mjs')])
  if (!outcome.ok) fail('the demo stopped with an error; the lines above say why.')
}

const command = process.argv[2]
if (command === 'test') testAll()
else if (command === 'demo') demo()
else fail(`unknown command "${command}"; use "test" or "demo".`)
