import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import config from '../../tsdown.config.js'

const packageJson = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8'),
) as {
  exports: Record<string, unknown>
}
const entries = (config as { entry: Record<string, string> }).entry
const subpaths = Object.keys(packageJson.exports).filter((key) => key !== './package.json')

describe('the package', () => {
  it('exports exactly the subpaths it builds', () => {
    expect(subpaths.map((key) => key.slice(2)).toSorted()).toEqual(Object.keys(entries).toSorted())
    for (const [name, source] of Object.entries(entries)) {
      expect(packageJson.exports[`./${name}`]).toEqual({
        types: `./dist/${name}.d.ts`,
        default: `./dist/${name}.js`,
      })
      expect(source).toBe(`src/${name}/index.ts`)
    }
  })

  it.each(Object.keys(entries))(
    'imports %s on a server without touching window, and offers a create function',
    async (name) => {
      expect('window' in globalThis).toBe(false)
      const module = (await import(`../../src/${name}/index.ts`)) as Record<string, unknown>
      const creators = Object.keys(module).filter((key) => /^create\w+Adapter$/.test(key))
      expect(creators).toHaveLength(1)
      expect(typeof module[creators[0]!]).toBe('function')
    },
  )
})
