import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser } from 'playwright'
import { build, createServer, type InlineConfig, type ViteDevServer } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHROMIUM_FLAGS, requireChromiumPath } from './chromium.ts'

// The development messages of the React and Vue packages, as an app built by Vite gets them: shown
// on a dev page (which has no `process`), gone from a production bundle. The page imports the
// built packages (npm test builds them first), so this checks what is published.

const fixture = fileURLToPath(new URL('./dev-messages/', import.meta.url))
const built = (path: string) => fileURLToPath(new URL(`../packages/${path}`, import.meta.url))

/** The text of each development message the page provokes, as the page logs it. */
const LOGGED = [
  '<AvatarStack> needs a room name',
  'usePresence() needs a room name',
  'must be an array.',
  '<ActivityDot>: unknown status',
  '<ActivityDot>: give either "status" or "room" and "userId"',
] as const

/** The literal text of those messages in the source (the names in them are filled in at runtime). */
const IN_SOURCE = [
  'needs a room name with a non-space character',
  'must be an array.',
  '; shown as offline.',
  'give either',
] as const

function viteConfig(): InlineConfig {
  return {
    root: fixture,
    configFile: false,
    logLevel: 'silent',
    resolve: {
      alias: [
        { find: /^@presence-kit\/core\/testing$/, replacement: built('core/dist/testing.js') },
        { find: /^@presence-kit\/core\/ui$/, replacement: built('core/dist/ui.js') },
        { find: /^@presence-kit\/core$/, replacement: built('core/dist/index.js') },
        { find: /^@presence-kit\/react$/, replacement: built('react/dist/index.js') },
        { find: /^@presence-kit\/vue$/, replacement: built('vue/dist/index.js') },
      ],
      dedupe: ['react', 'react-dom', 'vue'],
    },
  }
}

/** Runs `work` with NODE_ENV as Vite's own commands set it (vitest sets it to "test"). */
async function withNodeEnv<T>(value: string, work: () => Promise<T>): Promise<T> {
  const before = process.env['NODE_ENV']
  process.env['NODE_ENV'] = value
  try {
    return await work()
  } finally {
    process.env['NODE_ENV'] = before
  }
}

/** The JavaScript of a Vite build of the page, in `mode`. */
async function bundle(mode: 'production' | 'development'): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'presence-kit-dev-messages-'))
  try {
    await withNodeEnv(mode, () =>
      build({ ...viteConfig(), mode, build: { outDir, emptyOutDir: true, minify: mode === 'production' } }),
    )
    const assets = join(outDir, 'assets')
    return readdirSync(assets)
      .filter((file) => file.endsWith('.js'))
      .map((file) => readFileSync(join(assets, file), 'utf8'))
      .join('\n')
  } finally {
    rmSync(outDir, { recursive: true, force: true })
  }
}

describe('development messages', () => {
  let browser: Browser
  let server: ViteDevServer

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: requireChromiumPath('The development-message tests'),
      args: [...CHROMIUM_FLAGS],
    })
    server = await withNodeEnv('development', () =>
      createServer({ ...viteConfig(), server: { host: '127.0.0.1', port: 0, strictPort: false } }),
    )
    await server.listen()
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('a Vite dev page logs each one, blank room names included, and keeps rendering', async () => {
    const page = await browser.newPage()
    const errors: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text())
    })
    page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`))
    await page.goto(server.resolvedUrls!.local[0]!)
    await page.waitForSelector('body[data-ready="true"]')
    // The hooks show an empty room for a blank name instead of throwing.
    await expect.poll(() => page.textContent('#react-count')).toBe('0')
    await expect.poll(() => page.textContent('#vue-count')).toBe('0')
    for (const fragment of LOGGED) {
      expect(errors.some((text) => text.includes(fragment))).toBe(true)
    }
    // The Vue components report the same rule with the name they were given.
    expect(
      errors.some((text) => text.includes('<AvatarStack> needs a room name') && text.includes('"   "')),
    ).toBe(true)
    expect(errors.filter((text) => text.startsWith('uncaught'))).toEqual([])
    await page.close()
  }, 120_000)

  it('a production build holds none of them; a development build of the same page holds all', async () => {
    const development = await bundle('development')
    for (const fragment of IN_SOURCE) expect(development).toContain(fragment)
    const production = await bundle('production')
    for (const fragment of IN_SOURCE) expect(production).not.toContain(fragment)
  }, 180_000)
})
