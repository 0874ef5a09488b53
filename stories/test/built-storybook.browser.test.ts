import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type FrameLocator, type Page } from 'playwright'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { CHROMIUM_FLAGS, requireChromiumPath } from '../../scripts/chromium.ts'

// The static build as a reader gets it: served over HTTP and opened in Chromium, so the manager
// has to load the Vue Storybook from the relative ref `./vue` at run time (the build only records
// the ref as `type: "unknown"`), and the docs pages have to show the props their docgen found.

const staticDir = fileURLToPath(new URL('../../storybook-static', import.meta.url))

/** Each component, with the props it has in both frameworks (packages/react/src, packages/vue/src). */
const sharedProps: Record<string, readonly string[]> = {
  OnlineList: [
    'room',
    'sort',
    'groupByStatus',
    'showRecentlyLeft',
    'includeSelf',
    'rowHeight',
    'overscan',
    'height',
    'label',
    'messages',
    'emptyText',
  ],
  AvatarStack: ['room', 'members', 'max', 'total', 'size', 'includeSelf', 'label', 'messages', 'locale'],
  TypingIndicator: ['room', 'locale', 'maxNames', 'messages'],
  ActivityDot: ['status', 'room', 'userId', 'messages', 'showLabel', 'size'],
  ConnectionStatus: ['room', 'messages'],
}

const components = Object.keys(sharedProps)

/** Where the manager shows each framework: its own preview, or the ref's. */
const frameworks = [
  ['React', { idPrefix: '', preview: '#storybook-preview-iframe' }],
  ['Vue', { idPrefix: 'vue_', preview: '#storybook-ref-vue' }],
] as const

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
}

/** Serves `dir` on a free loopback port; a directory's index.html for a path ending in `/`. */
async function serveDirectory(dir: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = createServer((request, response) => {
    const notFound = () => response.writeHead(404).end()
    let file: string
    try {
      const { pathname } = new URL(request.url ?? '/', 'http://localhost')
      file = resolve(dir, `.${decodeURIComponent(pathname)}`)
      if (pathname.endsWith('/')) file = join(file, 'index.html')
    } catch {
      return void response.writeHead(400).end()
    }
    if (file !== dir && !file.startsWith(dir + sep)) return notFound()
    readFile(file).then((body) => {
      response.writeHead(200, { 'content-type': contentTypes[extname(file)] ?? 'application/octet-stream' })
      response.end(body)
    }, notFound)
  })
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((closed) => {
        server.close(() => closed())
        server.closeAllConnections()
      }),
  }
}

/** The component names the sidebar lists under "Components", for one framework's tree. */
function sidebarComponents(page: Page, refId: string): Promise<string[]> {
  return page
    .locator(`[data-ref-id="${refId}"][data-parent-id="components"][data-nodetype="component"]`)
    .allTextContents()
}

/** The names in a docs page's props table; section rows ("props", "events", "slots") left out. */
function propsTableNames(preview: FrameLocator): Promise<string[]> {
  return preview
    .locator('table.docblock-argstable')
    .first()
    .locator(':scope > tbody > tr > td:first-child:not([colspan])')
    .evaluateAll((cells) => cells.map((cell) => (cell.textContent ?? '').replace(/\*$/, '').trim()))
}

describe('the built Storybook in Chromium', { timeout: 30_000 }, () => {
  let browser: Browser
  let server: { origin: string; close: () => Promise<void> }
  let page: Page

  beforeAll(async () => {
    for (const path of ['index.html', 'vue/index.json', 'vue/iframe.html']) {
      if (!existsSync(join(staticDir, path)))
        throw new Error(`storybook-static/${path} is missing: run pnpm build-storybook first.`)
    }
    const executablePath = requireChromiumPath("The built Storybook's browser test")
    server = await serveDirectory(staticDir)
    browser = await chromium.launch({ executablePath, args: [...CHROMIUM_FLAGS] })
  }, 30_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  beforeEach(async () => {
    page = await browser.newPage()
    // Below the test's timeout, so a missing element is named rather than the test timing out.
    page.setDefaultTimeout(15_000)
  })

  afterEach(async () => {
    // Not there when beforeEach failed: leave its error to speak.
    await page?.close()
  })

  it('lists the React components and, under the Vue ref, the same Vue components', async () => {
    await page.goto(`${server.origin}/`)
    await expect
      .poll(() => sidebarComponents(page, 'storybook_internal'), { timeout: 15_000 })
      .toEqual(expect.arrayContaining(components))
    // The ref's header comes with the manager's first render of the refs: waited for, not sampled.
    await page.getByRole('button', { name: 'Vue', exact: true }).waitFor({ state: 'visible' })
    // The ref's tree appears only once the manager has fetched ./vue/index.json.
    await expect
      .poll(() => sidebarComponents(page, 'vue'), {
        timeout: 15_000,
        message: 'the Vue ref did not load its components into the sidebar',
      })
      .toEqual(await sidebarComponents(page, 'storybook_internal'))
  })

  it('opens a Vue story from the sidebar and renders it in the Vue preview', async () => {
    await page.goto(`${server.origin}/`)
    await page.locator('[data-ref-id="vue"][data-item-id="components-onlinelist"] button').click()
    await page.locator('[data-ref-id="vue"][data-item-id="components-onlinelist--a-few"] a').click()
    await expect.poll(() => page.url()).toContain('path=/story/vue_components-onlinelist--a-few')

    // In the story's own root: the component's docs page, opened by the first click, may still be
    // in the preview for a moment, with a listbox for every story.
    const list = page
      .locator('#storybook-ref-vue')
      .contentFrame()
      .locator('#storybook-root')
      .getByRole('listbox', { name: 'Online' })
    await list.waitFor()
    // "A Few": the viewer and five others, as the story's own play expects.
    await expect.poll(() => list.getByRole('option').count()).toBe(6)
  })

  describe.each(frameworks)('the %s docs pages', (framework, { idPrefix, preview }) => {
    it.each(Object.entries(sharedProps))(
      'list the props of %s in the props table',
      async (component, props) => {
        await page.goto(`${server.origin}/?path=/docs/${idPrefix}components-${component.toLowerCase()}--docs`)
        await expect
          .poll(() => propsTableNames(page.locator(preview).contentFrame()), {
            timeout: 15_000,
            message: `the props table of the ${framework} ${component}`,
          })
          .toEqual(expect.arrayContaining([...props]))
      },
    )
  })
})
