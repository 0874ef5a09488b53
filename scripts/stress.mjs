#!/usr/bin/env node
// `pnpm test:stress`: runs one test file (or one command) N times, optionally beside a busy loop
// on every core, and reports how many runs passed and the first line of every failure. A test
// that fails once here fails some day in CI; docs/testing.md says how to read and fix it.
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { startCpuHog } from './cpu-hog.mjs'
import { commandFor, failuresOf } from './stress-target.mjs'

const usage = `usage: pnpm test:stress [--runs N] [--load] [--hogs K] <test file> [-- runner args]
       pnpm test:stress [--runs N] [--load] [--hogs K] --command "<shell command>"

  <test file>   a vitest file (unit, property, story or browser test) or a Playwright spec under e2e/
  --runs N      how many times to run it, one after another (default 5)
  --load        a busy loop on every core beside the runs, stopped afterwards
  --hogs K      K busy loops instead of one per core (implies --load)
  --command     a shell command instead of a test file, e.g. "pnpm bench:quick"
  -- args       passed to the runner, e.g. -- --project=Vue for an e2e spec, -t "name" for vitest`

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

function parseOptions(argv) {
  const separator = argv.indexOf('--')
  const own = separator === -1 ? argv : argv.slice(0, separator)
  const extraArgs = separator === -1 ? [] : argv.slice(separator + 1)
  const { values, positionals } = parseArgs({
    args: own,
    allowPositionals: true,
    options: {
      runs: { type: 'string', default: '5' },
      load: { type: 'boolean', default: false },
      hogs: { type: 'string' },
      command: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  })
  const runs = Number(values.runs)
  const hogs = values.hogs === undefined ? (values.load ? availableParallelism() : 0) : Number(values.hogs)
  const file = positionals[0]
  const problem =
    values.help || (file === undefined) === (values.command === undefined)
      ? 'give one test file or one --command'
      : !Number.isInteger(runs) || runs < 1
        ? `--runs must be a whole number of at least 1, not "${values.runs}"`
        : !Number.isInteger(hogs) || hogs < 0
          ? `--hogs must be a whole number, not "${values.hogs}"`
          : positionals.length > 1
            ? `one test file at a time, not ${positionals.length}`
            : undefined
  if (problem !== undefined) {
    console.error(`${values.help ? '' : `test:stress: ${problem}\n`}${usage}`)
    process.exit(values.help ? 0 : 2)
  }
  return { runs, hogs, file, command: values.command, extraArgs }
}

/** The run in progress, so Ctrl-C takes its whole process tree (runners, browsers) down with it. */
let running

function stopRunning() {
  // A process group of its own (detached): the runner's workers and browsers go with it.
  if (running?.exitCode === null && running.signalCode === null) {
    try {
      process.kill(-running.pid, 'SIGKILL')
    } catch {
      // Already gone between the check and the kill.
    }
  }
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, () => {
    stopRunning()
    // The exit handler of cpu-hog.mjs stops the busy loops.
    process.exit(130)
  })
}

/** Runs the target once; its output goes to the terminal and is kept for the failure lines. */
function runOnce(target, logFile) {
  return new Promise((resolve) => {
    const started = Date.now()
    const child = spawn(target.command, target.args, {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    })
    running = child
    let output = ''
    const keep = (chunk) => {
      output += chunk
      process.stdout.write(chunk)
    }
    child.stdout.on('data', keep)
    child.stderr.on('data', keep)
    child.on('error', (error) => {
      output += `\nError: ${error.message}\n`
    })
    child.on('close', (code, signal) => {
      running = undefined
      writeFileSync(logFile, output)
      resolve({ ok: code === 0, code, signal, output, seconds: (Date.now() - started) / 1000 })
    })
  })
}

async function main() {
  const options = parseOptions(process.argv.slice(2))
  mkdirSync(join(root, '.reports', 'stress'), { recursive: true })
  // A directory of this invocation's own: stress runs side by side never share a report or log.
  const workDir = mkdtempSync(join(root, '.reports', 'stress', 'run-'))
  const reportFile = join(workDir, 'vitest.json')
  const target = commandFor({ root, reportFile, ...options })
  const name = options.command ?? options.file
  const load = options.hogs > 0 ? `beside ${options.hogs} busy loop(s)` : 'without extra load'
  console.log(`test:stress: ${options.runs} run(s) of ${name}, ${load}; logs in ${relative(root, workDir)}`)

  const hog = options.hogs > 0 ? startCpuHog(options.hogs) : undefined
  if (hog) console.log(`test:stress: busy loops running as pids ${hog.pids.join(', ')}`)
  const outcomes = []
  try {
    for (let run = 1; run <= options.runs; run += 1) {
      console.log(`\n━━ test:stress run ${run}/${options.runs}`)
      rmSync(reportFile, { force: true })
      const outcome = await runOnce(target, join(workDir, `run-${run}.log`))
      const failures = outcome.ok
        ? []
        : failuresOf({ kind: target.kind, root, reportFile, output: outcome.output })
      outcomes.push({ run, ...outcome, failures })
    }
  } finally {
    await hog?.stop()
  }

  const failed = outcomes.filter((outcome) => !outcome.ok)
  const slowest = Math.max(...outcomes.map((outcome) => outcome.seconds))
  console.log(`\ntest:stress: ${name}, ${load}`)
  for (const outcome of failed) {
    const how = outcome.signal ? `killed by ${outcome.signal}` : `exit code ${outcome.code}`
    console.log(
      `  run ${outcome.run} failed (${how}, ${outcome.seconds.toFixed(1)} s; log run-${outcome.run}.log):`,
    )
    for (const line of outcome.failures.length > 0
      ? outcome.failures
      : ['(no failure line found: read the log)'])
      console.log(`    ${line}`)
  }
  console.log(
    `test:stress: ${outcomes.length - failed.length} passed, ${failed.length} failed of ${outcomes.length} run(s); slowest run ${slowest.toFixed(1)} s`,
  )
  process.exitCode = failed.length === 0 ? 0 : 1
}

await main()
