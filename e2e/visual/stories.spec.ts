import { expect, test, type Browser, type Page } from '@playwright/test'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import pixelmatch from 'pixelmatch'
import { PNG } from 'pngjs'
import { REPORT_DIR } from '../support/paths.js'
import { serveStatic, type StaticServer } from '../support/static-server.js'
import {
  LOOKS,
  STORYBOOK_FOLDER,
  STORYBOOK_PATH,
  ensureBuiltStorybook,
  isLive,
  showStory,
  storiesOf,
  type Framework,
  type Look,
  type StoryEntry,
} from './storybook.js'

// Every story of both Storybooks, in light, dark and right-to-left, against the committed baselines
// in ./baselines (`pnpm test:visual --update` writes them anew); then the React and the Vue render of
// each story both have, against each other.

ensureBuiltStorybook()
const FRAMEWORKS: readonly Framework[] = ['react', 'vue']
const stories: Record<Framework, StoryEntry[]> = { react: storiesOf('react'), vue: storiesOf('vue') }
const vueIds = new Set(stories.vue.map((story) => story.id))
const shared = stories.react.filter((story) => vueIds.has(story.id))

/** At most this share of pixels may differ between React and Vue renders of one story. */
const CROSS_FRAMEWORK_LIMIT = 0.01
// pixelmatch's per-pixel colour threshold (0–1): anti-aliasing noise below it is not a difference.
const PIXEL_THRESHOLD = 0.1

const START = new Date('2026-01-15T10:00:00Z')

let site: StaticServer
const pages = new Map<Framework, Page>()
/** The light, left-to-right screenshot of each story, for the comparison across frameworks. */
const lightShots = new Map<string, Buffer>()
const crossReport: { story: string; differing: number; size: string }[] = []

async function openPreview(browser: Browser, framework: Framework): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 800, height: 600 },
    deviceScaleFactor: 1,
    reducedMotion: 'reduce',
    colorScheme: 'light',
  })
  // Nothing but the built Storybook: a request elsewhere would make a picture depend on the network.
  await context.route(
    (url) => url.origin !== new URL(site.url).origin,
    (route) => route.abort(),
  )
  const page = await context.newPage()
  // A fixed start, and a clock the test can stop for the live stories.
  await page.clock.install({ time: START })
  const first = stories[framework][0]
  if (first === undefined) throw new Error(`The ${framework} Storybook has no stories.`)
  await page.goto(
    new URL(`${STORYBOOK_PATH[framework]}iframe.html?id=${first.id}&viewMode=story`, site.url).href,
  )
  await page.waitForFunction(() => '__STORYBOOK_ADDONS_CHANNEL__' in window, undefined, {
    timeout: 60_000,
    polling: 100,
  })
  return page
}

// A roster of 100,000 takes a while to settle on a busy machine.
const SHOT = { animations: 'disabled', caret: 'hide', scale: 'css', timeout: 30_000 } as const

/** Shows the story in the look and compares it with its baseline; returns the light render. */
async function shoot(framework: Framework, story: StoryEntry, look: Look): Promise<Buffer | undefined> {
  const page = pages.get(framework)
  if (page === undefined) throw new Error(`No preview open for ${framework}.`)
  const live = isLive(story)
  // A few seconds ahead: the page's clock runs on while the pause is being asked for.
  if (live) await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 5_000)
  try {
    await showStory(page, story, look, live)
    const root = page.locator('#storybook-root')
    await expect(root).toHaveScreenshot([framework, `${story.id}--${look.name}.png`], SHOT)
    return look.name === 'light' ? await root.screenshot(SHOT) : undefined
  } finally {
    if (live) await page.clock.resume()
  }
}

test.beforeAll(async ({ browser }) => {
  site = await serveStatic(STORYBOOK_FOLDER)
  for (const framework of FRAMEWORKS) pages.set(framework, await openPreview(browser, framework))
})

test.afterAll(async () => {
  for (const page of pages.values()) await page.context().close()
  await site?.close()
  mkdirSync(REPORT_DIR, { recursive: true })
  writeFileSync(join(REPORT_DIR, 'react-vs-vue.json'), `${JSON.stringify(crossReport, null, 2)}\n`)
})

// Look by look, so the toolbar's globals change three times per Storybook, not three times per story.
for (const look of LOOKS) {
  for (const framework of FRAMEWORKS) {
    for (const story of stories[framework]) {
      test(`${framework}, ${look.name}: ${story.title} › ${story.name}`, async () => {
        const shot = await shoot(framework, story, look)
        if (shot !== undefined) lightShots.set(`${framework}:${story.id}`, shot)
      })
    }
  }
}

/** Share of pixels that differ; images of different sizes differ everywhere. */
function differingShare(a: Buffer, b: Buffer): { share: number; size: string } {
  const left = PNG.sync.read(a)
  const right = PNG.sync.read(b)
  const size = `${left.width}×${left.height} vs ${right.width}×${right.height}`
  if (left.width !== right.width || left.height !== right.height) return { share: 1, size }
  const differing = pixelmatch(left.data, right.data, undefined, left.width, left.height, {
    threshold: PIXEL_THRESHOLD,
  })
  return { share: differing / (left.width * left.height), size }
}

for (const story of shared) {
  test(`React and Vue render ${story.title} › ${story.name} alike`, async () => {
    const [react, vue] = await Promise.all(
      FRAMEWORKS.map(async (framework) => {
        const shot =
          lightShots.get(`${framework}:${story.id}`) ?? (await shoot(framework, story, LOOKS[0] as Look))
        if (shot === undefined) throw new Error(`No light render of ${story.id} in ${framework}.`)
        return shot
      }),
    )
    const { share, size } = differingShare(react as Buffer, vue as Buffer)
    crossReport.push({ story: story.id, differing: Number((share * 100).toFixed(2)), size })
    expect(share, `${(share * 100).toFixed(2)} % of pixels differ (${size})`).toBeLessThan(
      CROSS_FRAMEWORK_LIMIT,
    )
  })
}
