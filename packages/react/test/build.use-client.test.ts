// @vitest-environment node
// The built entry, as Next.js reads it: a Server Component that renders one of our components only
// works when the module the package exports starts with the 'use client' directive. The bundler
// drops directives it finds in sources, so this reads the build output (npm test builds first).
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const packageRoot = fileURLToPath(new URL('..', import.meta.url))
const manifest = JSON.parse(readFileSync(`${packageRoot}/package.json`, 'utf8')) as {
  exports: Record<string, string | { default?: string }>
}

/** The JavaScript file behind each export of the package (stylesheets and package.json aside). */
const builtEntries = Object.entries(manifest.exports)
  .map(([subpath, target]) => [subpath, typeof target === 'string' ? target : target.default] as const)
  .filter((entry): entry is readonly [string, string] => entry[1]?.endsWith('.js') === true)

/** The directive prologue of a module: leading string-literal statements, comments skipped. */
function directives(source: string): string[] {
  const found: string[] = []
  let rest = source
  for (;;) {
    rest = rest.replace(/^(\s+|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)+/, '')
    const match = /^(['"])([^'"\n]*)\1\s*;?/.exec(rest)
    if (match === null) return found
    found.push(match[2]!)
    rest = rest.slice(match[0].length)
  }
}

describe('the built React entries', () => {
  it('has at least the main entry to check', () => {
    expect(builtEntries.map(([subpath]) => subpath)).toContain('.')
  })

  it.each(builtEntries)('%s (%s) starts with the use client directive', (_subpath, target) => {
    const file = `${packageRoot}/${target}`
    expect(existsSync(file), `${target} is missing: build the package first (pnpm build)`).toBe(true)
    expect(directives(readFileSync(file, 'utf8'))).toContain('use client')
  })
})
