/**
 * The code examples of the docs, as `pnpm docs:check` type-checks them: each fenced `ts`, `tsx` or
 * `vue` block is a module of its own, and the compiler's messages about it are read back as
 * `file.md:line:column`. Kept free of the file system so it can be tested on a string.
 */

export type ExampleLanguage = 'ts' | 'tsx' | 'vue'

export interface DocExample {
  /** The markdown file, relative to the repository root. */
  readonly source: string
  /** 1-based line of the example's first code line in that file. */
  readonly line: number
  /** Spaces the fence was indented by (a block inside a list item), taken off every code line. */
  readonly indent: number
  readonly language: ExampleLanguage
  readonly code: string
}

export interface DocExamples {
  readonly checked: readonly DocExample[]
  /** Blocks of a checked language marked `no-check`, by their first code line. */
  readonly skipped: readonly { readonly source: string; readonly line: number }[]
}

/** The info string's word that leaves a block out of the check (say why in a comment beside it). */
export const NO_CHECK = 'no-check'

const LANGUAGES: Readonly<Record<string, ExampleLanguage>> = {
  ts: 'ts',
  typescript: 'ts',
  tsx: 'tsx',
  vue: 'vue',
}

const OPENING_FENCE = /^( *)(`{3,}|~{3,})(.*)$/

interface OpenFence {
  readonly marker: string
  readonly indent: number
  readonly info: readonly string[]
  readonly firstLine: number
  readonly lines: string[]
}

function isClosingFence(line: string, fence: OpenFence): boolean {
  const trimmed = line.trim()
  return (
    trimmed.length >= fence.marker.length &&
    [...trimmed].every((character) => character === fence.marker[0]) &&
    line.length - line.trimStart().length < fence.indent + 4
  )
}

function dedent(line: string, indent: number): string {
  const leading = line.length - line.trimStart().length
  return line.slice(Math.min(leading, indent))
}

/** Every fenced block of `markdown` in a checked language, in order. */
export function extractExamples(markdown: string, source: string): DocExamples {
  const checked: DocExample[] = []
  const skipped: { source: string; line: number }[] = []
  let open: OpenFence | undefined
  const lines = markdown.split(/\r?\n/)
  lines.forEach((text, index) => {
    if (open !== undefined) {
      if (!isClosingFence(text, open)) {
        open.lines.push(dedent(text, open.indent))
        return
      }
      const language = LANGUAGES[open.info[0]?.toLowerCase() ?? '']
      if (language !== undefined && open.info.includes(NO_CHECK)) {
        skipped.push({ source, line: open.firstLine })
      } else if (language !== undefined) {
        const code = `${open.lines.join('\n')}\n`
        checked.push({ source, line: open.firstLine, indent: open.indent, language, code })
      }
      open = undefined
      return
    }
    const match = OPENING_FENCE.exec(text)
    const [, spaces = '', marker = '', rest = ''] = match ?? []
    // A backtick fence's info string may not hold a backtick (it would be inline code).
    if (match === null || (marker.startsWith('`') && rest.includes('`'))) return
    open = { marker, indent: spaces.length, info: rest.trim().split(/\s+/), firstLine: index + 2, lines: [] }
  })
  return { checked, skipped }
}

/** Where an example is written for the compiler: one file per block, named after its origin. */
export function examplePath(example: DocExample): string {
  return `${example.source.replace(/\.md$/i, '')}/L${example.line}.${example.language}`
}

// `file(line,column): error TS1234: message`, as tsc and vue-tsc print it without --pretty.
const DIAGNOSTIC = /^(.+?)\((\d+),(\d+)\): (.*)$/

/**
 * The compiler's output with every position inside an example replaced by the markdown file and
 * line it came from. `byPath` maps the examples' written paths, as the compiler prints them.
 */
export function mapDiagnostics(output: string, byPath: ReadonlyMap<string, DocExample>): string {
  return output
    .split('\n')
    .map((text) => {
      const [, path = '', line = '', column = '', message = ''] = DIAGNOSTIC.exec(text) ?? []
      const example = byPath.get(path)
      if (example === undefined) return text
      const sourceLine = example.line + Number(line) - 1
      const sourceColumn = example.indent + Number(column)
      return `${example.source}:${sourceLine}:${sourceColumn} ${message}`
    })
    .join('\n')
}
