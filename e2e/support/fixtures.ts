import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { DemoPage, demoUrl, type DemoUser } from './demo-page.js'
import { keepOnLoopback } from './loopback.js'
import { startPresenceServer, type PresenceServer } from './presence-server.js'
import { REPO_ROOT, REPORT_DIR } from './paths.js'
import { freePort } from './ports.js'
import { serveStatic, type StaticServer } from './static-server.js'

import type { Framework } from './frameworks.js'

export type { Framework }

export interface Demo {
  /** Opens the demo as a new user in a browser context of their own (another person, another browser). */
  open(who: DemoUser, options?: { colorScheme?: 'light' | 'dark' }): Promise<DemoPage>
  /** Opens another tab of the same browser context: the same user in a second tab. */
  openTab(existing: DemoPage, who: DemoUser): Promise<DemoPage>
  /** Where a screenshot of this framework's demo is kept. */
  screenshotPath(name: string): string
}

/**
 * The demo on the BroadcastChannel transport, with no reference server started: every page is a tab
 * of one browser context (one origin), and every request and WebSocket the pages open is recorded.
 */
export interface TabsDemo {
  /** Opens another tab of the one browser context with `?transport=broadcast-channel`. */
  open(who: DemoUser): Promise<DemoPage>
  /** The origin the demo is served from: the only place the pages may reach. */
  readonly siteOrigin: string
  /** The `server` the address names: a loopback port with nothing listening. */
  readonly serverUrl: string
  /** Every URL the pages requested or opened a WebSocket to, in order. */
  traffic(): readonly string[]
}

async function openPage(context: BrowserContext, url: string): Promise<DemoPage> {
  const page: Page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(url)
  const demo = new DemoPage(page)
  await demo.waitForSynced()
  expect(errors, 'the page threw').toEqual([])
  return demo
}

/** Opens pages of a built demo against the test's reference server; closes them afterwards. */
async function useDemo(
  browser: Browser,
  site: StaticServer,
  presence: PresenceServer,
  framework: Framework,
  use: (demo: Demo) => Promise<void>,
): Promise<void> {
  const contexts: BrowserContext[] = []
  const newContext = async (browserToUse: Browser, colorScheme: 'light' | 'dark') => {
    const context = await browserToUse.newContext({ colorScheme, viewport: { width: 1280, height: 900 } })
    await keepOnLoopback(context)
    contexts.push(context)
    return context
  }
  mkdirSync(REPORT_DIR, { recursive: true })
  await use({
    async open(who, options = {}) {
      const context = await newContext(browser, options.colorScheme ?? 'light')
      return openPage(context, demoUrl(site.url, presence.url, who))
    },
    async openTab(existing, who) {
      return openPage(existing.page.context(), demoUrl(site.url, presence.url, who))
    },
    screenshotPath: (name) => join(REPORT_DIR, `${framework}-${name}.png`),
  })
  for (const context of contexts) await context.close()
}

export const test = base.extend<
  { presence: PresenceServer; demo: Demo; devDemo: Demo; tabs: TabsDemo },
  { framework: Framework; demoSite: StaticServer; devDemoSite: StaticServer }
>({
  framework: ['react', { option: true, scope: 'worker' }],

  demoSite: [
    async ({ framework }, use) => {
      const site = await serveStatic(join(REPO_ROOT, 'apps', `${framework}-demo`, 'dist'))
      await use(site)
      await site.close()
    },
    { scope: 'worker' },
  ],

  // The development build (`dist-dev`), where the demo offers the presence devtools.
  devDemoSite: [
    async ({ framework }, use) => {
      const site = await serveStatic(join(REPO_ROOT, 'apps', `${framework}-demo`, 'dist-dev'))
      await use(site)
      await site.close()
    },
    { scope: 'worker' },
  ],

  // A fresh reference server per test, on its own port: no test sees another's users.
  // Playwright reads the fixtures a function needs from its first parameter's pattern: none here.
  // oxlint-disable-next-line no-empty-pattern
  presence: async ({}, use) => {
    const server = await startPresenceServer()
    await use(server)
    await server.stop()
  },

  demo: async ({ browser, demoSite, presence, framework }, use) => {
    await useDemo(browser, demoSite, presence, framework, use)
  },

  devDemo: async ({ browser, devDemoSite, presence, framework }, use) => {
    await useDemo(browser, devDemoSite, presence, framework, use)
  },

  // Needs no `presence` fixture: no server process exists while these tests run.
  tabs: async ({ browser, demoSite }, use) => {
    const context = await browser.newContext({ colorScheme: 'light', viewport: { width: 1280, height: 900 } })
    await keepOnLoopback(context)
    const traffic: string[] = []
    context.on('request', (request) => traffic.push(request.url()))
    context.on('page', (page) => page.on('websocket', (socket) => traffic.push(socket.url())))
    // A port nobody listens on: were the page to reach for a server, it would show in `traffic`.
    const serverUrl = `http://127.0.0.1:${await freePort()}`
    await use({
      open: (who) =>
        openPage(
          context,
          demoUrl(demoSite.url, serverUrl, {
            ...who,
            params: { ...who.params, transport: 'broadcast-channel' },
          }),
        ),
      siteOrigin: new URL(demoSite.url).origin,
      serverUrl,
      traffic: () => [...traffic],
    })
    await context.close()
  },
})

export { expect }
