import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser } from 'playwright-core'
import { build, createServer as createViteServer } from 'vite'
import { serveStatic } from '../../e2e/support/static-server.js'
import { CHROMIUM_FLAGS, findChromium, UNCAPPED_FRAME_FLAGS } from './chromium.js'

/**
 * The demos' crowd switch at 100,000 members, React against Vue: each demo built for production
 * (as `vite build` makes it) and served from a folder, or on Vite's dev server as `npm start` runs
 * it, opened without a presence server (the BroadcastChannel transport), the crowd size set to 100,000, then the switch clicked. Prints the time from the click
 * to the crowd's count on screen and to its first list row, and the worst frame and the frames over
 * 50 ms from the click until two seconds after the count shows.
 */
const here = dirname(fileURLToPath(import.meta.url))
const apps = join(here, '../../apps')
const CROWD = 100_000
const SETTLE_MS = 2_000

export interface CrowdSwitchFigures {
  readonly countShownMs: number
  readonly firstRowMs: number
  readonly worstFrameMs: number
  readonly framesOver50: number
  readonly frames: number
  /** Frames that ended after the first row showed. */
  readonly worstFrameAfterRowMs: number
  readonly framesOver50AfterRow: number
  /** `performance.memory.usedJSHeapSize` at its largest over the frames, in MB (needs precise memory info). */
  readonly heapPeakMb: number
}

/**
 * Runs in the page (a string, so the test runner's transforms never touch it): clicks the switch,
 * then records every frame until the count and a row have shown and `SETTLE_MS` more has passed.
 */
const CLICK_AND_WATCH = `new Promise((resolve) => {
  const frames = []
  const afterRow = []
  let heapPeak = 0
  let countShownMs
  let firstRowMs
  const start = performance.now()
  let last = start
  const frame = (now) => {
    frames.push(now - last)
    if (firstRowMs !== undefined) afterRow.push(now - last)
    last = now
    heapPeak = Math.max(heapPeak, performance.memory?.usedJSHeapSize ?? 0)
    const panel = document.querySelector('[data-demo="crowd"]')
    const count = panel?.querySelector('[data-demo="count"]')?.textContent ?? ''
    if (countShownMs === undefined && /^100,\\d{3} online$/.test(count)) countShownMs = now - start
    if (firstRowMs === undefined && panel?.querySelector('[data-part="online-list-row"]')) firstRowMs = now - start
    if (countShownMs !== undefined && firstRowMs !== undefined && now - start > countShownMs + ${SETTLE_MS}) {
      resolve({
        countShownMs,
        firstRowMs,
        worstFrameMs: Math.max(...frames),
        framesOver50: frames.filter((time) => time > 50).length,
        frames: frames.length,
        worstFrameAfterRowMs: Math.max(0, ...afterRow),
        framesOver50AfterRow: afterRow.filter((time) => time > 50).length,
        heapPeakMb: heapPeak / 1e6,
      })
      return
    }
    requestAnimationFrame(frame)
  }
  document.querySelector('[data-demo="crowd-switch"]').click()
  requestAnimationFrame(frame)
})`

/** The built demo on a static server (`production`), or Vite's dev server (`development`, StrictMode on). */
async function open(app: string, mode: DemoMode): Promise<{ url: string; close(): Promise<void> }> {
  const root = join(apps, app)
  if (mode === 'development') {
    const server = await createViteServer({ root, logLevel: 'warn', server: { port: 0, host: '127.0.0.1' } })
    await server.listen()
    return { url: server.resolvedUrls!.local[0]!, close: () => server.close() }
  }
  const outDir = mkdtempSync(join(tmpdir(), `presence-bench-${app}-`))
  await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } })
  const site = await serveStatic(outDir)
  return {
    url: site.url,
    close: async () => {
      await site.close()
      rmSync(outDir, { recursive: true, force: true })
    },
  }
}

export type DemoMode = 'production' | 'development'

async function measure(
  browser: Browser,
  app: 'react-demo' | 'vue-demo',
  mode: DemoMode,
): Promise<CrowdSwitchFigures> {
  const site = await open(app, mode)
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    try {
      const page = await context.newPage()
      const errors: string[] = []
      page.on('pageerror', (error) => errors.push(error.message))
      await page.goto(`${site.url}?transport=broadcast-channel&user=bench&name=Bench`)
      await page.locator('[data-demo="crowd-size"]').selectOption(String(CROWD))
      await page.waitForTimeout(500)
      const figures = (await page.evaluate(CLICK_AND_WATCH)) as CrowdSwitchFigures
      if (errors.length > 0) throw new Error(`the ${app} page failed: ${errors.join('; ')}`)
      return figures
    } finally {
      await context.close()
    }
  } finally {
    await site.close()
  }
}

/** Both demos' crowd switch, one line per figure. */
export async function runDemoCrowdBench(mode: DemoMode = 'production'): Promise<void> {
  const browser = await chromium.launch({
    executablePath: findChromium(),
    // Exact heap sizes in `performance.memory`, not coarse buckets refreshed now and then.
    args: [...CHROMIUM_FLAGS, ...UNCAPPED_FRAME_FLAGS, '--enable-precise-memory-info'],
  })
  try {
    const react = await measure(browser, 'react-demo', mode)
    const vue = await measure(browser, 'vue-demo', mode)
    const how = mode === 'production' ? 'production builds' : 'Vite dev servers, as npm start runs them'
    console.log(`demo crowd switch to ${CROWD.toLocaleString('en')} members (${how}, no presence server):`)
    const line = (metric: string, of: (f: CrowdSwitchFigures) => number, unit: string, target: string) => {
      const [r, v] = [of(react), of(vue)]
      console.log(
        `${metric}: React ${r.toFixed(0)}${unit}, Vue ${v.toFixed(0)}${unit}, React/Vue ${v === 0 ? '-' : (r / v).toFixed(2)} (${target})`,
      )
    }
    line(
      '  click to the count on screen',
      (f) => f.countShownMs,
      ' ms',
      'target: within 1 s; React within 1.2x of Vue',
    )
    line('  click to the first list row', (f) => f.firstRowMs, ' ms', 'target: within 1 s')
    line('  worst frame', (f) => f.worstFrameMs, ' ms', 'target: at most 50 ms after the first paint')
    line('  frames over 50 ms', (f) => f.framesOver50, '', `of ${react.frames} and ${vue.frames} frames`)
    line('  worst frame after the first row', (f) => f.worstFrameAfterRowMs, ' ms', 'target: at most 50 ms')
    line('  frames over 50 ms after the first row', (f) => f.framesOver50AfterRow, '', 'target: none')
    line('  JS heap peak', (f) => f.heapPeakMb, ' MB', 'largest seen at a frame')
  } finally {
    await browser.close()
  }
}
