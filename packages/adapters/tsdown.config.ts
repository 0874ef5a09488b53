import { readFileSync } from 'node:fs'
import { defineConfig } from 'tsdown'

/**
 * package.json is the one list of adapters: its `exports` name the entries (one per subpath, so an
 * app pulls in only the backend it uses), and its peer dependencies (the backend clients) and
 * dependencies are never bundled. `test/package/lists.test.ts` checks the rest against it.
 */
const manifest = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  exports: Record<string, unknown>
  peerDependencies: Record<string, string>
  dependencies: Record<string, string>
}

const names = Object.keys(manifest.exports)
  .filter((subpath) => subpath !== './package.json')
  .map((subpath) => subpath.slice(2))

const escape = (name: string) => name.replaceAll(/[.*+?^${}()|[\]\\/]/g, '\\$&')

export default defineConfig({
  entry: Object.fromEntries(names.map((name) => [name, `src/${name}/index.ts`])),
  format: 'esm',
  dts: true,
  platform: 'neutral',
  target: 'es2022',
  clean: true,
  // The declaration build is slow by nature; its timing warning says nothing the user can act on.
  checks: { pluginTimings: false },
  // Backend clients are optional peers: never bundled, resolved from the app, with their subpaths.
  deps: {
    neverBundle: [...Object.keys(manifest.peerDependencies), ...Object.keys(manifest.dependencies)].map(
      (name) => new RegExp(`^${escape(name)}(?:/|$)`),
    ),
  },
})
