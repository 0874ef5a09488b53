/**
 * `pnpm docs:check`: type-checks every `ts`, `tsx` and `vue` example of the docs against the built
 * packages, as an app that installed them would see them, and fails when one does not compile.
 *
 * Each block is a module of its own, checked in strict mode (the repository's base tsconfig).
 * What a block takes from the reader's app (`me`, `adapter`, `token`, …) is declared in
 * `scripts/docs-check/app.d.ts`; a block whose info string holds `no-check` is left out. The
 * examples are written to `.docs-check/` (ignored by git) and checked in one vue-tsc run.
 */
import { spawnSync } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { examplePath, extractExamples, mapDiagnostics, type DocExample } from './docs-examples.ts'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const workDir = join(root, '.docs-check')

function markdownIn(directory: string): string[] {
  if (!existsSync(join(root, directory))) return []
  return readdirSync(join(root, directory))
    .filter((name) => name.endsWith('.md'))
    .toSorted()
    .map((name) => join(directory, name))
}

function packageDirectories(): string[] {
  return readdirSync(join(root, 'packages'))
    .toSorted()
    .map((name) => join('packages', name))
    .filter((directory) => existsSync(join(root, directory, 'package.json')))
}

/** README.md, packages/x/README.md, packages/x/docs/*.md and docs/*.md. */
function docFiles(): string[] {
  const packages = packageDirectories()
  return [
    'README.md',
    ...packages
      .map((directory) => join(directory, 'README.md'))
      .filter((path) => existsSync(join(root, path))),
    ...packages.flatMap((directory) => markdownIn(join(directory, 'docs'))),
    ...markdownIn('docs'),
  ]
}

function readManifest(directory: string): {
  name: string
  peerDependencies?: Record<string, string>
} {
  return JSON.parse(readFileSync(join(root, directory, 'package.json'), 'utf8'))
}

/**
 * `node_modules` beside the examples, as an app that installed the kit has it: every workspace
 * package (resolved through its `exports` to its built `dist`) and the backend clients they take
 * as peers, linked from where the workspace installed them.
 */
function linkPackages(): void {
  const links = new Map<string, string>()
  for (const directory of packageDirectories()) {
    const manifest = readManifest(directory)
    links.set(manifest.name, join(root, directory))
    for (const peer of Object.keys(manifest.peerDependencies ?? {})) {
      const installed = join(root, directory, 'node_modules', peer)
      if (!links.has(peer) && existsSync(installed)) links.set(peer, installed)
    }
  }
  for (const [name, target] of links) {
    const link = join(workDir, 'node_modules', name)
    mkdirSync(dirname(link), { recursive: true })
    symlinkSync(target, link, 'dir')
  }
}

/**
 * The declarations of `scripts/docs-check/`, copied to the same path beside the examples so their
 * imports resolve as the examples' do (a message about one still names its path), and the
 * adapters' declaration of `phoenix`, which ships none.
 */
function declarationFiles(): string[] {
  const directory = join('scripts', 'docs-check')
  mkdirSync(join(workDir, directory), { recursive: true })
  const copied = readdirSync(join(root, directory))
    .filter((name) => name.endsWith('.d.ts'))
    .map((name) => join(directory, name))
  for (const path of copied) copyFileSync(join(root, path), join(workDir, path))
  return [...copied, '../packages/adapters/test/support/phoenix-module.d.ts']
}

function writeTsconfig(): void {
  const tsconfig = {
    extends: '../tsconfig.base.json',
    compilerOptions: {
      lib: ['ES2023', 'DOM', 'DOM.Iterable'],
      jsx: 'react-jsx',
      types: ['node'],
      noEmit: true,
      // Every block is a module, even one without an import: nothing leaks from block to block.
      moduleDetection: 'force',
    },
    // An unknown component, prop or event in a Vue template is an error too, as in TSX.
    vueCompilerOptions: { strictTemplates: true, dataAttributes: ['data-*'] },
    files: declarationFiles(),
    include: ['**/*.ts', '**/*.tsx', '**/*.vue'],
    exclude: ['node_modules'],
  }
  writeFileSync(join(workDir, 'tsconfig.json'), `${JSON.stringify(tsconfig, null, 2)}\n`)
}

function writeExamples(examples: readonly DocExample[]): Map<string, DocExample> {
  const byPath = new Map<string, DocExample>()
  for (const example of examples) {
    const path = examplePath(example)
    mkdirSync(dirname(join(workDir, path)), { recursive: true })
    writeFileSync(join(workDir, path), example.code)
    // The compiler prints paths relative to the directory it runs in: the repository root.
    byPath.set(relative(root, join(workDir, path)), example)
  }
  return byPath
}

function main(): number {
  const started = Date.now()
  const examples: DocExample[] = []
  let skipped = 0
  for (const file of docFiles()) {
    const found = extractExamples(readFileSync(join(root, file), 'utf8'), file)
    examples.push(...found.checked)
    skipped += found.skipped.length
  }
  if (examples.length === 0) {
    console.error('docs:check found no examples to check: the list of docs is wrong.')
    return 1
  }
  const unbuilt = packageDirectories().filter((directory) => !existsSync(join(root, directory, 'dist')))
  if (unbuilt.length > 0) {
    console.error(
      `docs:check reads the built packages: run "pnpm build" first (no dist in ${unbuilt.join(', ')}).`,
    )
    return 1
  }
  rmSync(workDir, { recursive: true, force: true })
  mkdirSync(workDir, { recursive: true })
  linkPackages()
  writeTsconfig()
  const byPath = writeExamples(examples)

  const vueTsc = createRequire(import.meta.url).resolve('vue-tsc/bin/vue-tsc.js')
  const result = spawnSync(
    process.execPath,
    [vueTsc, '--noEmit', '--pretty', 'false', '-p', relative(root, join(workDir, 'tsconfig.json'))],
    { cwd: root, encoding: 'utf8' },
  )
  if (result.error) {
    console.error(`docs:check could not run vue-tsc: ${result.error.message}`)
    return 1
  }
  const output = mapDiagnostics(`${result.stdout}${result.stderr}`, byPath).trim()
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  const counted = `${examples.length} examples checked, ${skipped} marked no-check (${seconds} s)`
  if (result.status !== 0) {
    console.error(output === '' ? `vue-tsc exited with ${result.status}` : output)
    console.error(`\ndocs:check failed: ${counted}`)
    return 1
  }
  console.log(`docs:check: ${counted}`)
  return 0
}

process.exitCode = main()
