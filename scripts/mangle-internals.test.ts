import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build, transform } from 'esbuild'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { INTERNAL_NAME, mangleChunks, manglingTable } from './mangle-internals.ts'

const core = join(dirname(fileURLToPath(import.meta.url)), '..', 'packages', 'core')
const dist = join(core, 'dist')
const distFiles = (suffix: string) =>
  readdirSync(dist)
    .filter((name) => name.endsWith(suffix))
    .map((name) => join(dist, name))

/** Every name a public type declares as a property, method, accessor or parameter property. */
function declaredNames(file: string): Set<string> {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest)
  const names = new Set<string>()
  const visit = (node: ts.Node): void => {
    if (
      (ts.isPropertySignature(node) ||
        ts.isMethodSignature(node) ||
        ts.isPropertyDeclaration(node) ||
        ts.isMethodDeclaration(node) ||
        ts.isGetAccessorDeclaration(node) ||
        ts.isSetAccessorDeclaration(node) ||
        ts.isPropertyAssignment(node)) &&
      (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name))
    ) {
      names.add(node.name.text)
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return names
}

describe('manglingTable', () => {
  it('gives the most used internal names the shortest names, never a word the code uses', () => {
    const codes = ['a.b = 1; x._often(); x._often(); y._rare; const c = "_inString"', 'x._often()']
    const table = manglingTable(codes)
    // `a`, `b` and `c` are taken by the code; `x` and `y` too.
    expect(table['_often']).toBe('d')
    expect(new Set(Object.values(table)).size).toBe(Object.values(table).length)
    for (const renamed of Object.values(table)) expect(['a', 'b', 'c', 'x', 'y']).not.toContain(renamed)
    expect(manglingTable(codes.toReversed())).toEqual(table)
  })

  it('renames internal properties alike in every chunk and leaves every other name alone', async () => {
    const [first, second] = await mangleChunks([
      'export class Model { _commit() { return this.state } }',
      'import { Model } from "./a.js"; new Model()._commit(); const o = { _x: 1, y: 2, "_quoted": 3 }; o._x;',
    ])
    const renamed = /_commit\(\) \{/.test(first!) ? '_commit' : /(\w+)\(\) \{/.exec(first!)![1]!
    expect(renamed).not.toBe('_commit')
    expect(second).toContain(`new Model().${renamed}()`)
    expect(first).toContain('this.state')
    expect(second).toContain('y: 2')
    expect(second).toContain('"_quoted": 3')
    expect(second).not.toMatch(/\b_x\b/)
  })
})

/** The built core (`pnpm build` runs before these tests, as for `npm test`). */
describe('the built core', () => {
  it('keeps no internal name in its JavaScript, and shows none in its types', () => {
    for (const file of distFiles('.js')) {
      const code = readFileSync(file, 'utf8')
      expect(
        code.match(/\.\s*_[A-Za-z][\w$]*|^\s*(?:get |set |static )?_[A-Za-z][\w$]*\s*[(:]/gm),
        file,
      ).toBeNull()
    }
    for (const file of distFiles('.d.ts')) {
      const internal = [...declaredNames(file)].filter((name) => INTERNAL_NAME.test(name))
      expect(internal, file).toEqual([])
    }
  })

  it('renames no public name: every export of every entry and every property of its types', async () => {
    const manifest = JSON.parse(readFileSync(join(core, 'package.json'), 'utf8')) as {
      exports: Record<string, { default?: string } | string>
    }
    const words = new Set(
      (await Promise.all(distFiles('.js').map((file) => wordsOf(readFileSync(file, 'utf8'))))).flat(),
    )
    for (const [entry, target] of Object.entries(manifest.exports)) {
      if (typeof target === 'string' || target.default === undefined) continue
      const built = (await import(pathToFileURL(join(core, target.default)).href)) as object
      const fromSource = (await import(pathToFileURL(sourceOf(entry)).href)) as object
      expect(Object.keys(built).toSorted(), entry).toEqual(Object.keys(fromSource).toSorted())
    }
    // Bundled from the sources without the renaming, the entries use the same words but the internal ones.
    const unrenamed = await build({
      entryPoints: Object.keys(manifest.exports)
        .filter((entry) => entry !== './package.json' && entry !== './styles.css')
        .map((entry) => sourceOf(entry)),
      bundle: true,
      write: false,
      format: 'esm',
      outdir: 'out',
      splitting: true,
      external: ['zustand', 'zustand/vanilla'],
    })
    const before = new Set(
      (await Promise.all(unrenamed.outputFiles.map((file) => wordsOf(file.text)))).flat(),
    )
    const lost = [...before].filter((word) => !words.has(word))
    expect(lost.filter((word) => !INTERNAL_NAME.test(word))).toEqual([])
    expect(lost.length).toBeGreaterThan(0)
    // Every property a public type declares keeps its name wherever the code uses it.
    const typed = distFiles('.d.ts').flatMap((file) => [...declaredNames(file)])
    expect(typed.filter((name) => before.has(name) && !words.has(name))).toEqual([])
  })

  it('runs: a client on the memory hub, its rooms read and tapped by the inspection entry', async () => {
    const { createPresenceClient } = (await import(
      pathToFileURL(join(dist, 'index.js')).href
    )) as typeof import('../packages/core/src/index.ts')
    const { createMemoryHub } = (await import(
      pathToFileURL(join(dist, 'testing.js')).href
    )) as typeof import('../packages/core/src/testing/index.ts')
    const { inspectPresenceClient } = (await import(
      pathToFileURL(join(dist, 'inspect.js')).href
    )) as typeof import('../packages/core/src/inspect/index.ts')
    const hub = createMemoryHub()
    const ada = createPresenceClient({ adapter: hub.adapter(), user: { id: 'ada' }, batch: 'sync' })
    const bob = createPresenceClient({ adapter: hub.adapter(), user: { id: 'bob' }, batch: 'sync' })
    const inspector = inspectPresenceClient(ada)
    const kinds: string[] = []
    const stop = inspector.subscribe((record) => kinds.push(record.type === 'input' ? record.kind : 'commit'))
    ada.room('lobby').join({ mood: 'calm' })
    bob.room('lobby').join({ mood: 'busy' })
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(
      ada
        .room('lobby')
        .get()
        .members.map((member) => member.userId)
        .toSorted(),
    ).toEqual(['ada', 'bob'])
    expect(kinds).toContain('join')
    expect(kinds).toContain('commit')
    const read = inspector.read()
    expect(read.rooms[0]!.members.map((member) => member.userId).toSorted()).toEqual(['ada', 'bob'])
    bob.room('lobby').startTyping()
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(inspector.read().rooms[0]!.typing.map((typer) => typer.userId)).toEqual(['bob'])
    expect(inspector.read().rooms[0]!.typing[0]!.expiresAt).toBeTypeOf('number')
    stop()
    bob.destroy()
    ada.destroy()
  })
})

/** The property names some code reads or writes (`a.name`, `{ name: … }`, `name() {`), comments left out. */
async function wordsOf(code: string): Promise<string[]> {
  const { code: bare } = await transform(code, {
    minifyWhitespace: true,
    legalComments: 'none',
    format: 'esm',
  })
  const names = bare.matchAll(
    /\.([A-Za-z_$][\w$]*)|[{,]([A-Za-z_$][\w$]*):|[{},](?:get |set |static |async )?([A-Za-z_$][\w$]*)\([^()]*\)\{/g,
  )
  return [...names].map((match) => match[1] ?? match[2] ?? match[3]!)
}

/** The source file of a package entry (`.` is src/index.ts, `./ui` src/ui/index.ts or src/ui.ts). */
function sourceOf(entry: string): string {
  const name = entry === '.' ? 'index' : entry.slice(2)
  return existsSync(join(core, 'src', `${name}.ts`))
    ? join(core, 'src', `${name}.ts`)
    : join(core, 'src', name, 'index.ts')
}
