import {
  test as base,
  expect,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from '@playwright/test'
import { startExample, type ExampleServer } from './examples.js'
import type { Example } from './frameworks.js'
import { startRecordingPresenceServer, type RecordingPresenceServer } from './recording-presence-server.js'
import { keepOnLoopback } from './loopback.js'

export interface Person {
  readonly user: string
  readonly name: string
}

/** An example page open in a browser context of its own: another person, another browser. */
export class ExamplePage {
  constructor(
    readonly page: Page,
    /** Every warning and error the page logged, and every error it threw, in order. */
    readonly consoleMessages: readonly string[],
  ) {}

  get onlineList(): Locator {
    return this.page.locator('[data-part="online-list"]')
  }

  get rows(): Locator {
    return this.page.locator('[data-part="online-list-row"]')
  }

  row(name: string): Locator {
    return this.rows.filter({ hasText: name })
  }

  get avatars(): Locator {
    return this.page.locator('[data-part="avatar-stack"] [data-part="avatar"]')
  }

  get connectionStatus(): Locator {
    return this.page.locator('[data-part="connection-status"]')
  }
}

export interface ExampleSite {
  /** Where the example's production server listens. */
  readonly url: string
  /** Opens the page with JavaScript on, recording the console from the first line. */
  open(who: Person): Promise<ExamplePage>
  /** Opens the page with JavaScript off: the document is the server's HTML, never hydrated. */
  openServerHtml(who: Person): Promise<ExamplePage>
}

async function openIn(context: BrowserContext, url: string): Promise<ExamplePage> {
  const page = await context.newPage()
  const messages: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      messages.push(`${message.type()}: ${message.text()}`)
    }
  })
  page.on('pageerror', (error) => messages.push(`uncaught: ${error.message}`))
  await page.goto(url)
  return new ExamplePage(page, messages)
}

export const test = base.extend<
  { site: ExampleSite },
  { example: Example; presence: RecordingPresenceServer; exampleServer: ExampleServer }
>({
  example: ['nextjs', { option: true, scope: 'worker' }],

  // One reference server and one example server per example: the example's server is told the
  // reference server's address when it starts, as a deployment would be.
  presence: [
    // Playwright reads the fixtures a function needs from its first parameter's pattern: none here.
    // oxlint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startRecordingPresenceServer()
      await use(server)
      await server.stop()
    },
    { scope: 'worker' },
  ],

  exampleServer: [
    async ({ example, presence }, use) => {
      const server = await startExample(example, presence.url)
      await use(server)
      await server.stop()
    },
    { scope: 'worker' },
  ],

  site: async ({ browser, exampleServer, presence }, use) => {
    // Each test counts the connections its own pages make.
    presence.forget()
    const contexts: BrowserContext[] = []
    const newContext = async (target: Browser, javaScriptEnabled: boolean) => {
      const context = await target.newContext({ javaScriptEnabled })
      await keepOnLoopback(context)
      contexts.push(context)
      return context
    }
    const pageUrl = (who: Person) => {
      const url = new URL(exampleServer.url)
      url.searchParams.set('user', who.user)
      url.searchParams.set('name', who.name)
      return url.href
    }
    await use({
      url: exampleServer.url,
      open: async (who) => openIn(await newContext(browser, true), pageUrl(who)),
      openServerHtml: async (who) => openIn(await newContext(browser, false), pageUrl(who)),
    })
    for (const context of contexts) await context.close()
    // A server-side failure (an error while rendering) shows in the failure's output.
    test.info().attach('example server output', { body: exampleServer.output(), contentType: 'text/plain' })
  },
})

export { expect }
