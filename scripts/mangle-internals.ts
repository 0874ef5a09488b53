import { transform } from 'esbuild'

/**
 * A build plugin that gives the package's internal property names one- or two-letter names in
 * the emitted JavaScript, so that a member several modules share is about as short as a `#private`
 * one (gzip still finds `this.#x` repeated in one class easier to pack than `model._x` spread over
 * several modules).
 *
 * A minifier shortens local variables and `#private` fields, never a property that another module
 * reads (`model.commit()`), since it cannot know who else reads it. The package marks such names
 * itself: a property whose name starts with one underscore and a letter (`_commit`) is internal
 * to the package, read and written only by its own modules, never by an app, another package or
 * a test of the built files. Everything else (every export, every property of a public type, the
 * adapter contract) keeps its name.
 *
 * All chunks of one build are renamed together, with one table, so that every entry agrees (the
 * inspection entry reads what the main entry wrote). The table is deterministic: the names most
 * used get the shortest new names, ties by name, and no new name is a word that appears anywhere
 * in the build's code, so a renamed property can never meet a real one of the same name. Two
 * copies of the same version of the package therefore agree as well.
 */
export const INTERNAL_NAME = /^_[A-Za-z][\w$]*$/

const INTERNAL_NAME_IN_CODE = /(?<![\w$])_[A-Za-z][\w$]*/g
const WORD = /[A-Za-z_$][\w$]*/g
const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'

/** Short names in order: a…Z, then aa, ab, …, skipping every name in `taken`. */
function* shortNames(taken: ReadonlySet<string>): Generator<string> {
  for (let length = 1; ; length++) {
    const indices = Array.from({ length }, () => 0)
    for (;;) {
      const name = indices.map((i) => LETTERS[i]).join('')
      if (!taken.has(name)) yield name
      let position = length - 1
      while (position >= 0 && ++indices[position]! === LETTERS.length) indices[position--] = 0
      if (position < 0) break
    }
  }
}

/** The renaming table for a set of chunks: internal name → short name. */
export function manglingTable(codes: readonly string[]): Record<string, string> {
  const taken = new Set<string>()
  const uses = new Map<string, number>()
  for (const code of codes) {
    for (const [word] of code.matchAll(WORD)) taken.add(word)
    for (const [name] of code.matchAll(INTERNAL_NAME_IN_CODE)) uses.set(name, (uses.get(name) ?? 0) + 1)
  }
  const order = [...uses.keys()].toSorted((a, b) => uses.get(b)! - uses.get(a)! || (a < b ? -1 : 1))
  const names = shortNames(taken)
  const table: Record<string, string> = {}
  for (const name of order) table[name] = names.next().value!
  return table
}

/** The chunks' code with every internal property renamed by one shared table. */
export async function mangleChunks(codes: readonly string[]): Promise<string[]> {
  const mangleCache: Record<string, string | false> = manglingTable(codes)
  const renamed: string[] = []
  for (const code of codes) {
    // A chunk without internal names is left as it was built (a transform would still reprint it).
    if (!new RegExp(INTERNAL_NAME_IN_CODE.source).test(code)) {
      renamed.push(code)
      continue
    }
    const result = await transform(code, {
      loader: 'js',
      format: 'esm',
      target: 'es2022',
      mangleProps: INTERNAL_NAME,
      mangleCache,
      // The output stays readable; the app's bundler minifies it.
      minify: false,
      legalComments: 'inline',
    })
    renamed.push(result.code)
  }
  return renamed
}

interface OutputChunk {
  type: 'chunk' | 'asset'
  fileName: string
  code?: string
}

/** The Rolldown plugin (tsdown's `plugins`): renames internal properties in every JS chunk. */
export function mangleInternals() {
  return {
    name: 'presence-kit:mangle-internals',
    async generateBundle(_options: unknown, bundle: Record<string, OutputChunk>) {
      const chunks = Object.values(bundle).filter(
        (output) => output.type === 'chunk' && /\.m?js$/.test(output.fileName),
      )
      if (chunks.length === 0) return
      const renamed = await mangleChunks(chunks.map((chunk) => chunk.code ?? ''))
      chunks.forEach((chunk, index) => {
        chunk.code = renamed[index]!
      })
    },
  }
}
