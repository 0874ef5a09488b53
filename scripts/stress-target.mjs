// What one stress run executes for a target, and how its failures are named afterwards.
import { existsSync, readFileSync } from 'node:fs'
import { isAbsolute, join, relative } from 'node:path'
import { stripVTControlCharacters } from 'node:util'

/**
 * The command that runs `target` once, from the workspace root: a Playwright spec (under e2e/)
 * through the e2e runner, any other test file through vitest with the workspace's projects (unit,
 * property, story and browser tests alike), or a shell command given with --command.
 * Vitest writes its JSON report to `reportFile`, so the failures can be named exactly and the
 * `.reports/vitest.json` of a real test run is left alone.
 */
export function commandFor({ root, file, command, reportFile, extraArgs = [] }) {
  if (command !== undefined) return { kind: 'command', command: 'sh', args: ['-c', command] }
  const fromRoot = isAbsolute(file) ? relative(root, file) : file
  if (!existsSync(join(root, fromRoot))) throw new Error(`${file}: no such file under ${root}`)
  if (fromRoot.startsWith(`e2e/`)) {
    return {
      kind: 'e2e',
      command: process.execPath,
      args: [join(root, 'e2e', 'run.mjs'), relative('e2e', fromRoot), ...extraArgs],
    }
  }
  return {
    kind: 'vitest',
    command: 'pnpm',
    args: [
      'exec',
      'vitest',
      'run',
      fromRoot,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${reportFile}`,
      ...extraArgs,
    ],
  }
}

/** "file > test: first line of its error" for each failed test in a vitest JSON report. */
function vitestFailures(root, reportFile) {
  if (!existsSync(reportFile)) return []
  const report = JSON.parse(readFileSync(reportFile, 'utf8'))
  const failures = []
  for (const file of report.testResults ?? []) {
    const name = relative(root, file.name)
    const failed = (file.assertionResults ?? []).filter((test) => test.status === 'failed')
    for (const test of failed) {
      failures.push(`${name} > ${test.fullName}: ${firstLine(test.failureMessages?.[0])}`)
    }
    if (failed.length === 0 && file.status === 'failed') failures.push(`${name}: ${firstLine(file.message)}`)
  }
  return failures
}

// Vitest's JSON report gives some errors (a hook's timeout) only as this placeholder: their
// message is then read from the run's output.
const placeholder = 'Error: STACK_TRACE_ERROR'

function firstLine(text = '') {
  return (
    text
      .split('\n')
      .map((line) => line.trim())
      .find((line) => line !== '') ?? '(no message)'
  )
}

// Lines that name a failure in Playwright's list reporter, vitest's default reporter or a
// benchmark's own check ("✘ name", "× name", "FAIL file", "Error: …", "AssertionError …").
const failureLine = /(^|\s)(✘|×|FAIL|[A-Za-z]*Error\b|Timeout \d+ms exceeded)/

/** The failures one run reports: from vitest's JSON when there is one, else from its output. */
export function failuresOf({ kind, root, reportFile, output }) {
  const named = kind === 'vitest' ? vitestFailures(root, reportFile) : []
  if (named.length > 0 && !named.some((line) => line.endsWith(placeholder))) return named
  const lines = output
    .split('\n')
    .map((line) => stripVTControlCharacters(line).trim())
    .filter((line) => failureLine.test(line))
  return [...new Set([...named, ...lines])].slice(0, 8)
}
