import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import config from '../../tsdown.config.js'

/**
 * package.json is the one list of adapters (see tsdown.config.ts, which builds from it). What cannot
 * be generated from it is checked against it here, so a new adapter cannot be half added.
 */
const root = new URL('../../', import.meta.url)
const read = (path: string) => readFileSync(fileURLToPath(new URL(path, root)), 'utf8')
const manifest = JSON.parse(read('package.json')) as {
  exports: Record<string, unknown>
  peerDependencies: Record<string, string>
  peerDependenciesMeta: Record<string, { optional?: boolean }>
  dependencies: Record<string, string>
  devDependencies: Record<string, string>
}
const exported = Object.keys(manifest.exports)
  .filter((subpath) => subpath !== './package.json')
  .map((subpath) => subpath.slice(2))
  .toSorted()
const peers = Object.keys(manifest.peerDependencies)

const sourceFiles = (dir: string): string[] =>
  readdirSync(fileURLToPath(new URL(dir, root)), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(`${dir}${entry.name}/`)
      : entry.name.endsWith('.ts')
        ? [`${dir}${entry.name}`]
        : [],
  )
/** The package a bare import names: `@scope/name` or `name`, without a subpath. */
const packageOf = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/')
const importsOf = (source: string) =>
  Array.from(source.matchAll(/^(?:import|export)[^'"]*from '([^'.][^']*)'/gm), (match) => match[1]!)

describe('the lists a new adapter touches', () => {
  it('exports every adapter folder under src, and only those', () => {
    const folders = readdirSync(fileURLToPath(new URL('src/', root)), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== 'shared')
      .map((entry) => entry.name)
      .toSorted()
    expect(exported).toEqual(folders)
  })

  it('declares every package the sources import, as a peer or a dependency', () => {
    const declared = new Set([...peers, ...Object.keys(manifest.dependencies)])
    const imported = new Set(sourceFiles('src/').flatMap((file) => importsOf(read(file)).map(packageOf)))
    expect([...imported].filter((name) => !declared.has(name))).toEqual([])
    // A peer nothing imports may still be the client a structural type describes (phoenix).
    expect(imported.size).toBeGreaterThan(1)
  })

  it('keeps every backend client an optional peer, pinned for the tests, and never bundled', () => {
    const externals = (config as { deps: { neverBundle: RegExp[] } }).deps.neverBundle
    for (const peer of peers) {
      expect(manifest.peerDependenciesMeta[peer], peer).toEqual({ optional: true })
      expect(manifest.devDependencies[peer], peer).toMatch(/^\d+\.\d+\.\d+$/)
      expect(
        externals.some((pattern) => pattern.test(peer) && pattern.test(`${peer}/sub`)),
        peer,
      ).toBe(true)
    }
    expect(Object.keys(manifest.peerDependenciesMeta).toSorted()).toEqual(peers.toSorted())
  })

  it('documents every subpath in the README', () => {
    const readme = read('README.md')
    for (const name of exported) expect(readme, name).toContain(`'@presence-kit/adapters/${name}'`)
  })
})
