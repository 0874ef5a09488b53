import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type Frame, type FrameLocator, type Page, type Request } from 'playwright'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { CHROMIUM_FLAGS, requireChromiumPath } from '../../scripts/chromium.ts'
import { namedSteps } from './named-steps.ts'

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

/** The id of a component's docs page. */
const docsOf = (component: string) => `components-${component.toLowerCase()}--docs`

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

/** One row of a docs page's props table, as a reader sees it. */
interface PropsTableRow {
  readonly name: string
  /** The description column's text: the description, then the type. */
  readonly text: string
  /** Whether the row has a description above its type. */
  readonly described: boolean
  /** The Default column's text. */
  readonly defaultText: string
}

/** The rows of a docs page's props table (section rows left out). */
function propsTableRows(preview: FrameLocator): Promise<PropsTableRow[]> {
  return preview
    .locator('table.docblock-argstable')
    .first()
    .locator(':scope > tbody > tr')
    .evaluateAll((rows) =>
      rows.flatMap((row) => {
        if (row.firstElementChild?.hasAttribute('colspan') !== false) return []
        const [name, description, defaultValue] = [...row.children]
        return {
          name: (name?.textContent ?? '').replace(/\*$/, '').trim(),
          text: (description?.textContent ?? '').trim(),
          // A described row has the description's block above its type's.
          described: (description?.children.length ?? 0) > 1,
          defaultText: (defaultValue?.textContent ?? '').trim(),
        }
      }),
    )
}

/**
 * What a props table shows that a reader should not see: "undefined" as a default, a JSDoc tag
 * ("@default: …") in a description, the bare name of a constant as a default (a private one says
 * nothing; a public one shows its value), or, where every prop is described, a row without its
 * description.
 */
function propsTableFaults(rows: readonly PropsTableRow[], everyRowDescribed: boolean): string[] {
  return rows.flatMap((row) => [
    ...(row.defaultText === 'undefined' ? [`${row.name}: the default "undefined"`] : []),
    ...(/@default/u.test(row.text) ? [`${row.name}: "@default" in "${row.text}"`] : []),
    ...(/^"?[A-Z][A-Z0-9_]*"?$/u.test(row.defaultText)
      ? [`${row.name}: the default ${row.defaultText}`]
      : []),
    ...(everyRowDescribed && !row.described ? [`${row.name}: no description`] : []),
  ])
}

/** What the Vue preview says about its current render: the story, and how far it has got. */
interface RenderState {
  readonly storyId: string | null
  readonly phase: string | null
  readonly errorShown: string | null
}

/** The phases a story render reaches once it has rendered and played (or failed to). */
const renderDone = ['completed', 'afterEach', 'finished', 'errored', 'aborted']

/**
 * Runs inside a preview frame: Storybook's own render state and whether it shows its error page.
 * Given `until`, false until the preview's render of that story is done, for waitForFunction.
 */
function readRenderState(until?: { storyId: string; done: readonly string[] }): RenderState | false {
  // The preview's own object, which Storybook puts on the frame's window under this name.
  const preview = Reflect.get(window, '__STORYBOOK_PREVIEW__') as
    { currentRender?: { id?: string; phase?: string } } | undefined
  const render = preview?.currentRender
  const errorShown = document.body?.classList.contains('sb-show-errordisplay')
    ? (document.querySelector('#error-message')?.textContent ?? 'an error').trim()
    : null
  const state = { storyId: render?.id ?? null, phase: render?.phase ?? null, errorShown }
  if (until === undefined) return state
  return state.storyId === until.storyId && until.done.includes(state.phase ?? '') ? state : false
}

/** Waits, inside `frame`, until the preview has finished rendering `storyId`; returns that state. */
async function waitForStoryRendered(frame: Frame, storyId: string, timeout: number): Promise<RenderState> {
  const handle = await frame.waitForFunction(
    readRenderState,
    { storyId, done: renderDone },
    { timeout, polling: 100 },
  )
  return (await handle.jsonValue()) as RenderState
}

function describeRenderState(frame: Frame | undefined): () => Promise<string> {
  return async () => {
    if (frame === undefined) return 'the Vue preview frame was not there'
    const state = await frame.evaluate(readRenderState, undefined)
    if (state === false) return 'the Vue preview state could not be read'
    return `the Vue preview was at story ${state.storyId ?? '(none)'}, phase ${state.phase ?? '(none)'}`
  }
}

/**
 * A test's budget: every wait is for a condition, so a slow machine only uses more of it. On a
 * two-core machine under other builds and a busy loop per core, the Vue story test has taken 163 s
 * and each docs page up to 120 s; alone, each takes a few seconds.
 */
const stepBudget = 300_000

describe('the built Storybook in Chromium', { timeout: stepBudget + 30_000 }, () => {
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
  }, 60_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  // Hooks have deadlines of their own (10 s by default): a new page under other builds and a busy
  // loop per core has taken longer.
  beforeEach(async () => {
    page = await browser.newPage()
  }, 60_000)

  afterEach(async () => {
    // Not there when beforeEach failed: leave its error to speak.
    await page?.close()
  }, 60_000)

  /** Opens the manager and waits until it has fetched the Vue ref's index, as each test needs. */
  async function openManager(steps: ReturnType<typeof namedSteps>, path = ''): Promise<void> {
    const vueIndex = page.waitForResponse((response) => response.url().endsWith('/vue/index.json'), {
      timeout: stepBudget,
    })
    await steps.step('the manager page loaded', (timeout) =>
      page.goto(`${server.origin}/${path}`, { timeout }),
    )
    const response = await steps.step(
      'the manager fetched the Vue ref index ./vue/index.json',
      () => vueIndex,
    )
    expect(response.status(), 'the status of ./vue/index.json').toBe(200)
  }

  it('lists the React components and, under the Vue ref, the same Vue components', async () => {
    const steps = namedSteps(stepBudget)
    await openManager(steps)
    await steps.step('the sidebar listed the React components', (timeout) =>
      expect
        .poll(() => sidebarComponents(page, 'storybook_internal'), { timeout })
        .toEqual(expect.arrayContaining(components)),
    )
    await steps.step("the sidebar showed the Vue ref's header", (timeout) =>
      page.getByRole('button', { name: 'Vue', exact: true }).waitFor({ state: 'visible', timeout }),
    )
    const react = await sidebarComponents(page, 'storybook_internal')
    await steps.step("the sidebar listed the Vue ref's components, the same as React's", (timeout) =>
      expect.poll(() => sidebarComponents(page, 'vue'), { timeout }).toEqual(react),
    )
  })

  it('opens a Vue story from the sidebar and renders it in the Vue preview', async () => {
    const steps = namedSteps(stepBudget)
    const storyId = 'components-onlinelist--a-few'
    await openManager(steps)
    const component = page.locator('[data-ref-id="vue"][data-item-id="components-onlinelist"] button')
    await steps.step("the sidebar listed the Vue ref's OnlineList", (timeout) => component.click({ timeout }))
    // The click also opens the component's docs page in the ref's preview: a story chosen while that
    // page still loads can be lost, so the story is chosen once the docs page is on screen.
    await steps.step("the Vue preview showed OnlineList's docs page", async (timeout) => {
      const element = await page.locator('#storybook-ref-vue').elementHandle({ timeout })
      const docsFrame = await element.contentFrame()
      if (docsFrame === null) throw new Error('#storybook-ref-vue has no frame')
      await docsFrame.waitForFunction(
        () => {
          const preview = Reflect.get(window, '__STORYBOOK_PREVIEW__') as
            { currentRender?: { id?: string } } | undefined
          const docs = document.querySelector('#storybook-docs')
          return (
            preview?.currentRender?.id === 'components-onlinelist--docs' && (docs?.childElementCount ?? 0) > 0
          )
        },
        undefined,
        { timeout, polling: 100 },
      )
    })
    const story = page.locator(`[data-ref-id="vue"][data-item-id="${storyId}"] a`)
    await steps.step('the OnlineList stories opened in the sidebar', (timeout) => story.click({ timeout }))
    await steps.step('the manager went to the Vue story', (timeout) =>
      page.waitForURL((url) => url.search.includes(`path=/story/vue_${storyId}`), { timeout }),
    )

    const frame = await steps.step('the manager showed the Vue preview frame', async (timeout) => {
      const element = await page.locator('#storybook-ref-vue').elementHandle({ timeout })
      const content = await element.contentFrame()
      if (content === null) throw new Error('#storybook-ref-vue has no frame')
      return content
    })
    const rendered = await steps.step(
      'the Vue preview finished rendering the story',
      (timeout) => waitForStoryRendered(frame, storyId, timeout),
      describeRenderState(frame),
    )
    expect(rendered, 'the Vue preview rendered the story without an error').toMatchObject({
      phase: expect.not.stringMatching(/^(errored|aborted)$/),
      errorShown: null,
    })

    // In the story's own root: the component's docs page, opened by the first click, may still be
    // in the preview for a moment, with a listbox for every story.
    const list = page
      .locator('#storybook-ref-vue')
      .contentFrame()
      .locator('#storybook-root')
      .getByRole('listbox', { name: 'Online' })
    // "A Few": the viewer and five others, as the story's own play expects.
    await steps.step('the story showed the viewer and five others', (timeout) =>
      expect.poll(() => list.getByRole('option').count(), { timeout }).toBe(6),
    )
  })

  /** Per framework: its tree in the sidebar, its preview frame, and a page away from the components. */
  const browsing = [
    [
      'React',
      {
        refId: 'storybook_internal',
        frame: '#storybook-preview-iframe',
        away: ['introduction--docs', 'introduction--docs'],
      },
    ],
    [
      'Vue',
      {
        refId: 'vue',
        frame: '#storybook-ref-vue',
        away: ['composables-usepresence', 'composables-usepresence--docs'],
      },
    ],
  ] as const

  it.each(browsing)(
    'logs no error or warning while a reader browses the %s docs pages, one after another',
    async (framework, { refId, frame: previewFrame, away }) => {
      const steps = namedSteps(stepBudget)
      const idPrefix = refId === 'vue' ? 'vue_' : ''
      const logged: string[] = []
      /** Each failed request of the previews: its URL, then how it failed and what asked for it. */
      const failedRequests: { url: string; how: string }[] = []
      page.on('console', (message) => {
        // A failed request is logged by the browser, not by the page's code: checked below.
        if (message.text().startsWith('Failed to load resource')) return
        // What the stories log, in the previews; the manager's notes on its own composition of the
        // Vue ref are Storybook's.
        if (message.location().url.includes('/sb-manager/')) return
        if (message.type() === 'error' || message.type() === 'warning') {
          logged.push(`${message.type()}: ${message.text()} (${message.location().url})`)
        }
      })
      page.on('pageerror', (error) => logged.push(`uncaught: ${error.message}`))
      // The previews' requests; the manager probes for the Vue ref's index files by itself.
      const inPreview = (request: Request) => request.frame() !== page.mainFrame()
      /** What the previews loaded: a request the browser dropped and then made again is no failure. */
      const loaded = new Set<string>()
      page.on('requestfailed', (request) => {
        if (!inPreview(request)) return
        const how = `${request.failure()?.errorText ?? 'failed'}, ${request.resourceType()} for ${request.frame().url()}`
        failedRequests.push({ url: request.url(), how })
      })
      page.on('response', (response) => {
        if (!inPreview(response.request())) return
        if (response.status() < 400) loaded.add(response.url())
        else failedRequests.push({ url: response.url(), how: `status ${response.status()}` })
      })
      const preview = page.locator(previewFrame)
      /** Waits until the preview shows the docs page `docsId`, with presence parts in it if `parts`. */
      const docsShown = (name: string, docsId: string, parts: boolean) =>
        steps.step(`the ${name} docs page rendered`, async (timeout) => {
          const frame = await (await preview.elementHandle({ timeout })).contentFrame()
          if (frame === null) throw new Error(`${previewFrame} has no frame`)
          await frame.waitForFunction(
            ([id, withParts]) => {
              const state = Reflect.get(window, '__STORYBOOK_PREVIEW__') as
                { currentRender?: { id?: string } } | undefined
              const rendered = document.querySelectorAll('#storybook-docs [data-scope="presence"]').length > 0
              return state?.currentRender?.id === id && (rendered || !withParts)
            },
            [docsId, parts] as const,
            { timeout, polling: 100 },
          )
        })
      const open = (name: string, itemId: string) =>
        steps.step(`the sidebar opened ${name}`, (timeout) =>
          page.locator(`[data-ref-id="${refId}"][data-item-id="${itemId}"]`).click({ timeout }),
        )
      // Leaving a docs page by the sidebar, as a reader does, runs its stories' cleanups while the
      // page is still there: the stories' clients must not be destroyed under their components.
      const [first, ...rest] = components
      await openManager(steps, `?path=/docs/${idPrefix}${docsOf(first!)}`)
      await docsShown(first!, docsOf(first!), true)
      for (const component of rest) {
        await open(component, `components-${component.toLowerCase()}`)
        await docsShown(component, docsOf(component), true)
      }
      // Away from the components, so the last one's stories are left too.
      await open(away[0], away[0])
      await docsShown(away[0], away[1], false)
      // The stories left last are destroyed a task after their tree: give them a moment.
      await page.waitForTimeout(500)
      expect(logged, `what the ${framework} previews logged`).toEqual([])
      // The only requests that fail are the broken avatars' of the BrokenAndUnsafeAvatars story. A
      // request the browser cancelled (net::ERR_ABORTED: a frame or a preload gave it up) counts
      // only if nothing loaded its URL: a module that never arrived fails here, one fetched again
      // does not.
      const failed = failedRequests.filter(
        ({ url, how }) => !(how.startsWith('net::ERR_ABORTED') && loaded.has(url)),
      )
      for (const { url, how } of failed) {
        expect(url, `a failed request (${how})`).toMatch(/^https?:\/\/avatars\.invalid\/|\/not%20a%20url$/)
      }
    },
  )

  describe.each(frameworks)('the %s docs pages', (framework, { idPrefix, preview }) => {
    it.each(Object.entries(sharedProps))(
      'list the props of %s in the props table',
      async (component, props) => {
        const steps = namedSteps(stepBudget)
        await openManager(steps, `?path=/docs/${idPrefix}components-${component.toLowerCase()}--docs`)
        const docs = page.locator(preview).contentFrame()
        await steps.step(`the props table of the ${framework} ${component} listed its props`, (timeout) =>
          expect.poll(() => propsTableNames(docs), { timeout }).toEqual(expect.arrayContaining([...props])),
        )
        // Every row of the Vue tables is described (props, events, slots); the React tables are
        // checked for the rest.
        const rows = await propsTableRows(docs)
        expect(rows.map((row) => row.name)).toEqual(expect.arrayContaining([...props]))
        expect(propsTableFaults(rows, framework === 'Vue'), 'what the props table shows wrongly').toEqual([])
      },
    )
  })
})
