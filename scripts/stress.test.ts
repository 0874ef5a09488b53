import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { commandFor, failuresOf } from './stress-target.mjs'

// `pnpm test:stress` run as a user runs it, on a command that fails on its second run only: the
// runs are counted, the failure is named by its first line, and the busy loops are gone after.

const root = fileURLToPath(new URL('..', import.meta.url))
const stressScript = fileURLToPath(new URL('./stress.mjs', import.meta.url))
const scratch = mkdtempSync(join(tmpdir(), 'presence-kit-stress-test-'))

afterAll(() => rmSync(scratch, { recursive: true, force: true }))

function stress(args: readonly string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [stressScript, ...args], { cwd: root })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, output }))
  })
}

/** A command that counts its runs in a file of its own and fails only on the second. */
function secondRunFails(name: string): string {
  const counter = join(scratch, `${name}.count`)
  const script = join(scratch, `${name}.mjs`)
  writeFileSync(
    script,
    [
      "import { existsSync, readFileSync, writeFileSync } from 'node:fs'",
      `const counter = ${JSON.stringify(counter)}`,
      "const run = (existsSync(counter) ? Number(readFileSync(counter, 'utf8')) : 0) + 1",
      'writeFileSync(counter, String(run))',
      "if (run === 2) { console.log('AssertionError: expected 5 to be 6'); process.exit(1) }",
      "console.log('all good')",
    ].join('\n'),
  )
  return `node ${JSON.stringify(script)}`
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

describe('pnpm test:stress', () => {
  it('counts passed and failed runs and names the failure by its first line', async () => {
    const { code, output } = await stress(['--runs', '3', '--command', secondRunFails('counts')])
    expect(code).toBe(1)
    expect(output).toContain('test:stress: 2 passed, 1 failed of 3 run(s)')
    expect(output).toMatch(
      /run 2 failed \(exit code 1, [\d.]+ s; log run-2\.log\):\n\s+AssertionError: expected 5 to be 6/,
    )
    expect(output).not.toMatch(/run [13] failed/)
  })

  it('runs busy loops beside the runs and stops them afterwards', async () => {
    const { code, output } = await stress(['--runs', '1', '--hogs', '2', '--command', 'node -e ""'])
    expect(code).toBe(0)
    expect(output).toContain('beside 2 busy loop(s)')
    const pids = /busy loops running as pids ([\d, ]+)/.exec(output)?.[1]?.split(', ').map(Number) ?? []
    expect(pids).toHaveLength(2)
    expect(pids.filter(isRunning)).toEqual([])
  })

  it('refuses a run count that is not a whole number, with its usage', async () => {
    const { code, output } = await stress(['--runs', 'many', '--command', 'true'])
    expect(code).toBe(2)
    expect(output).toContain('--runs must be a whole number of at least 1, not "many"')
    expect(output).toContain('usage: pnpm test:stress')
  })
})

describe('what a stress run executes', () => {
  const reportFile = join(scratch, 'vitest.json')

  it('runs a Playwright spec through the e2e runner, with the runner arguments after it', () => {
    const target = commandFor({
      root,
      file: 'e2e/tests/page.spec.ts',
      reportFile,
      extraArgs: ['--project=vue'],
    })
    expect(target.kind).toBe('e2e')
    expect(target.args.slice(1)).toEqual(['tests/page.spec.ts', '--project=vue'])
  })

  it('runs any other test file through vitest, its JSON report in the given file', () => {
    const target = commandFor({ root, file: join(root, 'scripts/stress.test.ts'), reportFile })
    expect(target.kind).toBe('vitest')
    expect(target.args).toEqual(expect.arrayContaining(['vitest', 'run', 'scripts/stress.test.ts']))
    expect(target.args).toContain(`--outputFile.json=${reportFile}`)
  })

  it('says so when the test file does not exist', () => {
    expect(() => commandFor({ root, file: 'scripts/no-such.test.ts', reportFile })).toThrow(
      'scripts/no-such.test.ts: no such file',
    )
  })

  it("names each failed test of vitest's report by file, name and its error's first line", () => {
    writeFileSync(
      reportFile,
      JSON.stringify({
        testResults: [
          {
            name: join(root, 'packages/core/test/a.test.ts'),
            status: 'failed',
            assertionResults: [
              { status: 'passed', fullName: 'fine' },
              {
                status: 'failed',
                fullName: 'room > keeps order',
                failureMessages: ['\nExpected 1\n at line'],
              },
            ],
          },
        ],
      }),
    )
    expect(failuresOf({ kind: 'vitest', root, reportFile, output: '' })).toEqual([
      'packages/core/test/a.test.ts > room > keeps order: Expected 1',
    ])
  })

  it("reads a hook's timeout, which the JSON report gives only as a placeholder, from the output", () => {
    writeFileSync(
      reportFile,
      JSON.stringify({
        testResults: [
          {
            name: join(root, 'stories/test/b.test.ts'),
            status: 'failed',
            assertionResults: [
              { status: 'failed', fullName: 'opens a story', failureMessages: ['Error: STACK_TRACE_ERROR'] },
            ],
          },
        ],
      }),
    )
    const output = ' × opens a story 10066ms\n ✓ lists the props\nError: Hook timed out in 10000ms.\n'
    expect(failuresOf({ kind: 'vitest', root, reportFile, output })).toEqual([
      'stories/test/b.test.ts > opens a story: Error: STACK_TRACE_ERROR',
      '× opens a story 10066ms',
      'Error: Hook timed out in 10000ms.',
    ])
  })
})
