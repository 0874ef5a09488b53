import { build as esbuild } from 'esbuild'
import { build as viteBuild, type Rolldown } from 'vite'
import { gzipSync } from 'node:zlib'

/** The bundlers apps use: esbuild, and Vite (Rolldown underneath, Rollup's tree-shaking rules). */
export type Bundler = 'esbuild' | 'vite'

export interface Bundled {
  readonly minified: number
  readonly gzipped: number
}

/**
 * `source` (what an app's module would import) bundled from the built packages as an app's
 * production build would, minified; `external` is what the app brings anyway (its framework).
 * `resolveDir` is where the packages are resolved from.
 */
export async function bundle(
  bundler: Bundler,
  source: string,
  external: readonly string[],
  resolveDir: string,
): Promise<Bundled> {
  const code =
    bundler === 'esbuild'
      ? await withEsbuild(source, external, resolveDir)
      : await withVite(source, external, resolveDir)
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length }
}

async function withEsbuild(source: string, external: readonly string[], resolveDir: string) {
  const result = await esbuild({
    stdin: { contents: source, resolveDir, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    external: [...external],
    logLevel: 'silent',
    // esbuild reads the nearest tsconfig.json of every file it bundles, and the React and Vue
    // packages' `paths` point `@presence-kit/core` at its sources (for their typecheck and tests):
    // read none, so the core comes from its built files, as an app gets it (Vite never reads them).
    tsconfigRaw: '{}',
  })
  return result.outputFiles[0]!.contents
}

const ENTRY = '\0size-entry'

/** A library-mode build, so the entry's exports are kept as an app's imports would keep them. */
async function withVite(source: string, external: readonly string[], root: string) {
  const externalPatterns = external.map(
    (name) => new RegExp(`^${name.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace('*', '.*')}($|/)`),
  )
  const output = await viteBuild({
    configFile: false,
    logLevel: 'silent',
    root,
    mode: 'production',
    plugins: [
      {
        name: 'size-entry',
        enforce: 'pre',
        resolveId: (id: string) => (id.endsWith('size-entry') ? ENTRY : null),
        load: (id: string) => (id === ENTRY ? source : null),
      },
    ],
    build: {
      write: false,
      minify: true,
      lib: { entry: 'size-entry', formats: ['es'], fileName: 'size-entry' },
      rollupOptions: { external: externalPatterns },
    },
  })
  const results = (Array.isArray(output) ? output : [output]) as Rolldown.RolldownOutput[]
  const chunks = results.flatMap((result) => result.output).filter((file) => file.type === 'chunk')
  return new TextEncoder().encode(chunks.map((chunk) => chunk.code).join(''))
}
