import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { examplePath, extractExamples, mapDiagnostics, type DocExample } from './docs-examples.ts'

// A page with one wrong example (line 8 gives a string where a number goes), one right one, and
// blocks the check must leave alone.
const guide = [
  '# Guide', // 1
  '', // 2
  '```sh', // 3
  'pnpm add something', // 4
  '```', // 5
  '', // 6
  '```ts', // 7
  "const count: number = 'three'", // 8
  '```', // 9
  '', // 10
  '1. In a list:', // 11
  '', // 12
  '   ```tsx title="right.tsx"', // 13
  '   export const double = (n: number) => n * 2', // 14
  '   ```', // 15
  '', // 16
  '<!-- An outline, not a program. -->', // 17
  '```ts no-check', // 18
  'client.room(name)', // 19
  '```', // 20
  '', // 21
  '~~~~vue', // 22
  '<template><p>hi</p></template>', // 23
  '~~~', // 24
  '~~~~', // 25
  '', // 26
  '```json', // 27
  '{ "not": "checked" }', // 28
  '```', // 29
].join('\n')

describe('extractExamples', () => {
  const { checked, skipped } = extractExamples(guide, 'docs/guide.md')

  it('takes the ts, tsx and vue blocks in order, each with the line its code starts on', () => {
    expect(checked.map(({ language, line, indent }) => ({ language, line, indent }))).toEqual([
      { language: 'ts', line: 8, indent: 0 },
      { language: 'tsx', line: 14, indent: 3 },
      { language: 'vue', line: 23, indent: 0 },
    ])
    expect(checked[0]?.code).toBe("const count: number = 'three'\n")
  })

  it('takes the list item indentation off the code', () => {
    expect(checked[1]?.code).toBe('export const double = (n: number) => n * 2\n')
  })

  it('closes a fence only on a fence of the same character, at least as long', () => {
    expect(checked[2]?.code).toBe('<template><p>hi</p></template>\n~~~\n')
  })

  it('leaves out a block marked no-check and says where it was', () => {
    expect(skipped).toEqual([{ source: 'docs/guide.md', line: 19 }])
  })

  it('writes each example to a file named after its page and line', () => {
    expect(checked.map(examplePath)).toEqual(['docs/guide/L8.ts', 'docs/guide/L14.tsx', 'docs/guide/L23.vue'])
  })
})

describe('mapDiagnostics', () => {
  const example: DocExample = { source: 'docs/guide.md', line: 14, indent: 3, language: 'tsx', code: '' }
  const byPath = new Map([['.docs-check/docs/guide/L14.tsx', example]])

  it("turns a position in an example's file into the page, line and column it came from", () => {
    const output = ".docs-check/docs/guide/L14.tsx(2,7): error TS2322: Type 'string' is not assignable."
    expect(mapDiagnostics(output, byPath)).toBe(
      "docs/guide.md:15:10 error TS2322: Type 'string' is not assignable.",
    )
  })

  it('passes every other line through unchanged', () => {
    const output = ["other.ts(1,1): error TS1005: ';' expected.", "  Type 'string' is not 'number'."].join(
      '\n',
    )
    expect(mapDiagnostics(output, byPath)).toBe(output)
  })
})

describe('the wrong example, compiled', () => {
  const directory = mkdtempSync(join(tmpdir(), 'docs-examples-'))
  afterAll(() => rmSync(directory, { recursive: true, force: true }))

  it('fails at the line of the page that is wrong, and only there', () => {
    const scripts = extractExamples(guide, 'docs/guide.md').checked.filter(
      (example) => example.language !== 'vue',
    )
    const byPath = new Map<string, DocExample>()
    for (const example of scripts) {
      const path = examplePath(example)
      mkdirSync(dirname(join(directory, path)), { recursive: true })
      writeFileSync(join(directory, path), example.code)
      byPath.set(path, example)
    }
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')
    const options = [
      '--noEmit',
      '--pretty',
      'false',
      '--strict',
      '--jsx',
      'preserve',
      '--moduleDetection',
      'force',
    ]
    const result = spawnSync(process.execPath, [tsc, ...options, ...byPath.keys()], {
      cwd: directory,
      encoding: 'utf8',
    })

    expect(result.status).not.toBe(0)
    const errors = mapDiagnostics(result.stdout, byPath).trim().split('\n')
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(
      /^docs\/guide\.md:8:7 error TS2322: Type 'string' is not assignable to type 'number'/,
    )
  })
})
