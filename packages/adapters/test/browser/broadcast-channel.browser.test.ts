import { build } from 'esbuild'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The core's source entry, bundled into the page (see vitest.config.ts). */
    coreSource: string
    /** Debian's Chromium as the workspace finds it: its path (null when none), flags, and what to say without it. */
    chromium: { path: string | null; flags: string[]; missing: string }
  }
}

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))

/** Debian's Chromium, or the one CHROMIUM_PATH names. */
type PageState = { status: string; members: string[]; typing: string[] }

const stateOf = (page: Page): Promise<PageState> => page.evaluate(() => (globalThis as any).presence.state())
async function until(page: Page, check: (state: PageState) => boolean): Promise<PageState> {
  const deadline = Date.now() + 10_000
  for (;;) {
    const state = await stateOf(page)
    if (check(state)) return state
    if (Date.now() > deadline) return state
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

describe('broadcast-channel adapter between pages of one browser (Chromium)', { timeout: 60_000 }, () => {
  let server: Server
  let browser: Browser
  let origin: string

  beforeAll(async () => {
    const bundle = await build({
      entryPoints: [here('./page-entry.ts')],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      alias: { '@presence-kit/core': inject('coreSource') },
    })
    const script = bundle.outputFiles[0]!.text
    server = createServer((request, response) => {
      if (request.url === '/bundle.js') {
        response.writeHead(200, { 'content-type': 'text/javascript' }).end(script)
      } else {
        response
          .writeHead(200, { 'content-type': 'text/html' })
          .end('<!doctype html><title>presence</title><script type="module" src="/bundle.js"></script>')
      }
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    const found = inject('chromium')
    if (found.path === null) throw new Error(found.missing)
    browser = await chromium.launch({ executablePath: found.path, args: found.flags })
  })

  afterAll(async () => {
    await browser?.close()
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
  })

  async function tab(context: Awaited<ReturnType<Browser['newContext']>>, userId: string): Promise<Page> {
    const page = await context.newPage()
    await page.goto(origin)
    await page.waitForFunction(() => 'presence' in globalThis)
    await page.evaluate(([id]) => (globalThis as any).presence.start(id, 'lobby'), [userId])
    return page
  }

  it('shows the tabs to each other, groups the tabs of a user, carries typing and sees a closed tab leave', async () => {
    const context = await browser.newContext()
    const ada = await tab(context, 'ada')
    const grace = await tab(context, 'grace')

    expect((await until(ada, (s) => s.members.includes('grace:1'))).members).toEqual(['ada:1', 'grace:1'])
    expect((await until(grace, (s) => s.members.includes('ada:1'))).members).toEqual(['ada:1', 'grace:1'])
    expect((await stateOf(ada)).status).toBe('connected')

    // A second tab of ada: one member with two connections, for grace and for ada's first tab.
    const adaAgain = await tab(context, 'ada')
    expect((await until(grace, (s) => s.members.includes('ada:2'))).members).toEqual(['ada:2', 'grace:1'])
    expect((await until(ada, (s) => s.members.includes('ada:2'))).members).toEqual(['ada:2', 'grace:1'])

    await grace.evaluate(() => (globalThis as any).presence.startTyping())
    expect((await until(ada, (s) => s.typing.length > 0)).typing).toEqual(['grace'])
    await grace.evaluate(() => (globalThis as any).presence.stopTyping())
    expect((await until(ada, (s) => s.typing.length === 0)).typing).toEqual([])

    // Closing a tab sends its leave (pagehide): gone at once, not after the heartbeat timeout.
    await grace.close({ runBeforeUnload: true })
    expect((await until(ada, (s) => !s.members.some((m) => m.startsWith('grace')))).members).toEqual([
      'ada:2',
    ])
    await adaAgain.close({ runBeforeUnload: true })
    expect((await until(ada, (s) => s.members.includes('ada:1'))).members).toEqual(['ada:1'])
    await context.close()
  })
})
