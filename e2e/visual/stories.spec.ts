import { expect, test, type Browser, type Page, type TestInfo } from '@playwright/test'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { REPO_ROOT } from '../support/paths.js'
import { serveStatic, type StaticServer } from '../support/static-server.js'
import {
  UPDATE_COMMAND,
  baselinePath,
  checkEnvironment,
  drawingEnvironment,
  orphanBaselines,
  readBaseline,
  recordEnvironment,
  removeBaselines,
  updating,
  writeBaseline,
} from './baselines.js'
import { compareImages, percent } from './compare.js'
import {
  LOOKS,
  STORYBOOK_FOLDER,
  STORYBOOK_PATH,
  ensureBuiltStorybook,
  applyLook,
  clockPlanOf,
  previewReady,
  showStory,
  stopClock,
  storiesOf,
  watchFailures,
  type Framework,
  type Look,
  type StoryEntry,
} from './storybook.js'

// Every story of both Storybooks, in light, dark and right-to-left, against the committed baselines
// in ./baselines (`pnpm test:visual --update` writes them anew); and the React and the Vue render of
// each story both have, against each other. One browser, one page per framework kept open: a story
// is shown through Storybook's channel and only its root is shot, the two frameworks at once.

ensureBuiltStorybook()
const FRAMEWORKS: readonly Framework[] = ['react', 'vue']

/** A story in each framework that has it; the hook's and the composable's stories pair up too. */
type StoryPair = Partial<Record<Framework, StoryEntry>>
const counterpart = (id: string) => id.replace(/^hooks-/u, 'composables-')

function pairStories(): StoryPair[] {
  const vue = new Map(storiesOf('vue').map((story) => [story.id, story]))
  const pairs: StoryPair[] = storiesOf('react').map((react) => {
    const twin = vue.get(counterpart(react.id))
    vue.delete(counterpart(react.id))
    return twin === undefined ? { react } : { react, vue: twin }
  })
  return [...pairs, ...[...vue.values()].map((story) => ({ vue: story }))]
}

const pairs = pairStories()
const label = (pair: StoryPair) => {
  const story = (pair.react ?? pair.vue) as StoryEntry
  return `${story.title} › ${story.name}`
}

/** At most this share of pixels may differ between React and Vue renders of one story. */
const CROSS_FRAMEWORK_LIMIT = 0.01
// pixelmatch's per-pixel colour threshold (0–1): anti-aliasing noise below it is not a difference.
const CROSS_FRAMEWORK_THRESHOLD = 0.1
/**
 * Against its baseline a render may differ in this many pixels (past the same colour threshold):
 * the same Chromium on the same fonts draws the same pixels, and a changed colour of one status
 * dot (about 50 pixels) must fail.
 */
const BASELINE_MAX_PIXELS = 10
const BASELINE_THRESHOLD = 0.1

const START = new Date('2026-01-15T10:00:00Z')
/** Where the clock is stopped for a live or frozen story (see `clockPlanOf`), in every run. */
const STOPPED_AT = new Date('2026-01-15T12:00:00Z')
const REPORT_DIR = join(REPO_ROOT, '.reports', 'visual')

let site: StaticServer
const pages = new Map<Framework, Page>()
/** The light, left-to-right render of each story, for the comparison across frameworks. */
const lightShots = new Map<string, Buffer>()
const crossReport: { story: string; differing: number; size: string }[] = []
/** What each preview logged while the current story was shown. */
const consoleMessages = new Map<Framework, string[]>([
  ['react', []],
  ['vue', []],
])

async function openPreview(browser: Browser, framework: Framework): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 800, height: 600 },
    deviceScaleFactor: 1,
    reducedMotion: 'reduce',
    colorScheme: 'light',
    // Times of day (the devtools' timeline) and formats the same on every machine.
    timezoneId: 'UTC',
    locale: 'en-US',
  })
  // Nothing but the built Storybook: a request elsewhere would make a picture depend on the network.
  await context.route(
    (url) => url.origin !== new URL(site.url).origin,
    (route) => route.abort(),
  )
  const page = await context.newPage()
  // Browsing every story must log nothing: a warning or error is a failure of the story it came in.
  page.on('console', (message) => {
    const text = message.text()
    // The broken-avatar stories point at other hosts on purpose; those requests are aborted above.
    // A play's expectation that `waitFor` retries is logged each time it does not hold yet; a play
    // that fails in the end fails its story's render, which the test waits for.
    const expected = text.startsWith('Failed to load resource') || text.startsWith('AssertionError')
    if (['warning', 'error'].includes(message.type()) && !expected) {
      consoleMessages.get(framework)?.push(`${message.type()}: ${text}`)
    }
  })
  page.on('pageerror', (error) => consoleMessages.get(framework)?.push(`uncaught: ${error.message}`))
  // A fixed start, and a clock the test can stop for the live stories.
  await page.clock.install({ time: START })
  const first = storiesOf(framework)[0]
  if (first === undefined) throw new Error(`The ${framework} Storybook has no stories.`)
  await page.goto(
    new URL(`${STORYBOOK_PATH[framework]}iframe.html?id=${first.id}&viewMode=story`, site.url).href,
  )
  await previewReady(page, first.id)
  await watchFailures(page)
  return page
}

/** How long a live story's crowd runs, on the page's stopped clock, before its picture. */
const LIVE_RUN_MS = 300

// A roster of 100,000 takes a while to settle on a busy machine.
const SHOT = { animations: 'disabled', caret: 'hide', scale: 'css', timeout: 30_000 } as const

/** Shows the story in the look and returns a screenshot of its root. */
async function shoot(framework: Framework, story: StoryEntry, look: Look): Promise<Buffer> {
  const page = pages.get(framework)
  if (page === undefined) throw new Error(`No preview open for ${framework}.`)
  try {
    return await shootOnce(page, story, look)
  } catch (error) {
    // Storybook reloads the preview when a story is left while its play still runs: once it is
    // back, the story is shown again from the start, the same way.
    if (!String(error).includes('Execution context was destroyed')) throw error
    await previewReady(page, undefined)
    await watchFailures(page)
    return await shootOnce(page, story, look)
  }
}

async function shootOnce(page: Page, story: StoryEntry, look: Look): Promise<Buffer> {
  const clock = clockPlanOf(story)
  if (clock !== 'running') {
    // The look first, on the running clock the preview's channel needs.
    await applyLook(page, look)
    // Then the same wall time in every run, however long the stories before took: what a story
    // draws of the time (the devtools' timeline of the live crowd) is the same in every picture.
    await stopClock(page, STOPPED_AT)
  }
  try {
    await showStory(page, story, look, clock)
    // The crowd joins and moves on the stopped clock for a fixed time: the same steps every run.
    if (clock === 'live') await page.clock.runFor(LIVE_RUN_MS)
    return await settledShot(page)
  } finally {
    if (clock !== 'running') {
      await page.clock.resume()
      // A live story's play runs on once the clock does: switching away while it plays makes
      // Storybook reload the preview.
      await previewReady(page, story.id)
    }
  }
}

/** Real time a story is given to finish drawing between two pictures of it. */
const SETTLE_MS = 100
const SETTLE_TRIES = 50

/**
 * A picture of the story's root once two taken one after the other are alike (as the comparison
 * with the baseline sees pixels: a scaled avatar's edge may flicker by a shade from one picture to
 * the next). A story whose play has just ended may still be drawing what its last step set off (a
 * card closing, React's scheduler, images decoding); with the page's clock stopped nothing of the
 * story's timers runs, but what they set off may be drawing too. A picture of that half-drawn state
 * would differ from run to run.
 */
async function settledShot(page: Page): Promise<Buffer> {
  const root = page.locator('#storybook-root')
  let previous = await root.screenshot(SHOT)
  for (let attempt = 0; attempt < SETTLE_TRIES; attempt++) {
    await page.waitForTimeout(SETTLE_MS)
    const next = await root.screenshot(SHOT)
    if (compareImages(previous, next, BASELINE_THRESHOLD).pixels === 0) return next
    previous = next
  }
  throw new Error(
    `The story still changed after ${(SETTLE_MS * SETTLE_TRIES) / 1000} s: it never came to rest.`,
  )
}

/** Compares a render with its baseline (or writes it, when updating); a message when they differ. */
function checkBaseline(
  framework: Framework,
  story: StoryEntry,
  look: Look,
  shot: Buffer,
  testInfo: TestInfo,
): string | undefined {
  const path = baselinePath(framework, story.id, look.name)
  if (updating) {
    // Rewritten only when it changed, so an update touches only the pictures that moved.
    let same = false
    try {
      same = compareImages(readBaseline(path), shot, BASELINE_THRESHOLD).pixels === 0
    } catch {
      same = false
    }
    if (!same) writeBaseline(path, shot)
    return undefined
  }
  const { pixels, share, size, diff } = compareImages(readBaseline(path), shot, BASELINE_THRESHOLD)
  if (pixels <= BASELINE_MAX_PIXELS) return undefined
  const name = `${framework}-${story.id}--${look.name}`
  writeFileSync(testInfo.outputPath(`${name}-actual.png`), shot)
  if (diff !== undefined) writeFileSync(testInfo.outputPath(`${name}-diff.png`), diff)
  return (
    `${framework}: ${pixels} pixels (${percent(share)}, ${size}) differ from ${path.slice(REPO_ROOT.length + 1)}; ` +
    `the render and a diff are in ${testInfo.outputDir}. If the new look is meant, run "${UPDATE_COMMAND}".`
  )
}

test.beforeAll(async ({ browser }) => {
  site = await serveStatic(STORYBOOK_FOLDER)
  for (const framework of FRAMEWORKS) pages.set(framework, await openPreview(browser, framework))
  const environment = await drawingEnvironment(pages.get('react') as Page)
  if (updating) recordEnvironment(environment)
  else checkEnvironment(environment)
})

test.afterAll(async () => {
  for (const page of pages.values()) await page.context().close()
  await site?.close()
  mkdirSync(REPORT_DIR, { recursive: true })
  crossReport.sort((a, b) => b.differing - a.differing)
  writeFileSync(join(REPORT_DIR, 'react-vs-vue.json'), `${JSON.stringify(crossReport, null, 2)}\n`)
})

/** Both frameworks' renders of a story in a look, at once; each checked against its baseline. */
async function shootPair(pair: StoryPair, look: Look, testInfo: TestInfo): Promise<void> {
  const present = FRAMEWORKS.filter((framework) => pair[framework] !== undefined)
  for (const messages of consoleMessages.values()) messages.length = 0
  const shots = await Promise.all(
    present.map((framework) => shoot(framework, pair[framework] as StoryEntry, look)),
  )
  const failures: string[] = []
  present.forEach((framework, index) => {
    const shot = shots[index] as Buffer
    const story = pair[framework] as StoryEntry
    if (look.name === 'light') lightShots.set(`${framework}:${story.id}`, shot)
    const failure = checkBaseline(framework, story, look, shot, testInfo)
    if (failure !== undefined) failures.push(failure)
  })
  // The issue this guards: stories once fell back to the browser's serif.
  for (const framework of present) {
    const font = await (pages.get(framework) as Page)
      .locator('#storybook-root')
      .evaluate((root) => getComputedStyle(root).fontFamily)
    if (!font.startsWith('system-ui'))
      failures.push(`${framework}: the story is in "${font}", not the UI font`)
  }
  const logged = present.flatMap((framework) =>
    (consoleMessages.get(framework) ?? []).map((message) => `${framework}: ${message}`),
  )
  expect(logged, 'what the previews logged while showing the story').toEqual([])
  expect(failures, 'renders that differ from their baselines').toEqual([])
}

function crossFrameworkTest(pair: { react: StoryEntry; vue: StoryEntry }): void {
  test(`React and Vue render ${label(pair)} alike`, async () => {
    const testInfo = test.info()
    const light = LOOKS[0] as Look
    const [react, vue] = await Promise.all(
      FRAMEWORKS.map(
        async (framework) =>
          lightShots.get(`${framework}:${pair[framework].id}`) ??
          (await shoot(framework, pair[framework], light)),
      ),
    )
    const { share, size, diff } = compareImages(react as Buffer, vue as Buffer, CROSS_FRAMEWORK_THRESHOLD)
    crossReport.push({ story: pair.react.id, differing: Number((share * 100).toFixed(2)), size })
    if (share >= CROSS_FRAMEWORK_LIMIT) {
      writeFileSync(testInfo.outputPath('react.png'), react as Buffer)
      writeFileSync(testInfo.outputPath('vue.png'), vue as Buffer)
      if (diff !== undefined) writeFileSync(testInfo.outputPath('diff.png'), diff)
    }
    expect(share, `${percent(share)} of pixels differ (${size}); see ${testInfo.outputDir}`).toBeLessThan(
      CROSS_FRAMEWORK_LIMIT,
    )
  })
}

// Look by look, so the toolbar's globals change three times per Storybook, not three times per story;
// the comparison across frameworks right after the light renders it uses.
for (const look of LOOKS) {
  for (const pair of pairs) {
    test(`${look.name}: ${label(pair)}`, () => shootPair(pair, look, test.info()))
  }
  if (look.name !== 'light') continue
  for (const pair of pairs) {
    if (pair.react !== undefined && pair.vue !== undefined)
      crossFrameworkTest({ react: pair.react, vue: pair.vue })
  }
}

test('every baseline belongs to a story of the build', () => {
  const expected = new Set(
    pairs.flatMap((pair) =>
      FRAMEWORKS.flatMap((framework) => {
        const story = pair[framework]
        return story === undefined ? [] : LOOKS.map((look) => baselinePath(framework, story.id, look.name))
      }),
    ),
  )
  const orphans = orphanBaselines(expected)
  if (updating) removeBaselines(orphans)
  else expect(orphans, `baselines of stories the build no longer has: run "${UPDATE_COMMAND}"`).toEqual([])
})
