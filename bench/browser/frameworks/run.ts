import { build } from 'esbuild'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser } from 'playwright-core'
import { machineLoad } from '../../core/measure.js'
import { CHROMIUM_FLAGS, findChromium, PRODUCTION_DEFINES, UNCAPPED_FRAME_FLAGS } from '../chromium.js'
import type { RunResult, SetupResult } from './driver.js'

/**
 * React and Vue in real Chromium on the same scenario, in the same run: a snapshot of `members`,
 * then joins and leaves at `eventsPerSecond` for `seconds`, each in its own task, while the list
 * scrolls. Each figure is printed on one line for both frameworks with React/Vue, next to the
 * target it is read against; a timing never fails the run, a wrong count does. Frames are not
 * capped at the display's rate, so a frame's time is the work it took.
 */
const here = dirname(fileURLToPath(import.meta.url))
const FRAMEWORKS = ['React', 'Vue'] as const
type Framework = (typeof FRAMEWORKS)[number]

interface Figures extends SetupResult, RunResult {
  /** `usedJSHeapSize` after a full garbage collection at the end, the roster still held. */
  readonly liveHeapBytes: number
}

async function bundlePage(framework: Framework): Promise<string> {
  const result = await build({
    entryPoints: [join(here, framework === 'React' ? 'page-react.tsx' : 'page-vue.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    write: false,
    logLevel: 'silent',
    // The production builds users ship.
    define: { ...PRODUCTION_DEFINES },
  })
  return result.outputFiles[0]!.text
}

async function measure(
  browser: Browser,
  framework: Framework,
  html: string,
  options: { members: number; eventsPerSecond: number; seconds: number },
): Promise<Figures> {
  const script = await bundlePage(framework)
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } })
  const page = await context.newPage()
  const pageErrors: string[] = []
  page.on('pageerror', (error) => pageErrors.push(error.message))
  try {
    await page.setContent(html)
    await page.addScriptTag({ content: script })
    type Bench = {
      setup(members: number): Promise<SetupResult>
      run(rate: number, seconds: number): Promise<RunResult>
    }
    const setup = await page.evaluate(
      (members) => (window as unknown as { presenceBench: Bench }).presenceBench.setup(members),
      options.members,
    )
    const run = await page.evaluate(
      ([rate, seconds]) => (window as unknown as { presenceBench: Bench }).presenceBench.run(rate, seconds),
      [options.eventsPerSecond, options.seconds] as const,
    )
    const session = await context.newCDPSession(page)
    await session.send('HeapProfiler.collectGarbage')
    const liveHeapBytes = await page.evaluate(
      () => (performance as Performance & { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize,
    )
    if (pageErrors.length > 0) throw new Error(`the ${framework} page failed: ${pageErrors.join('; ')}`)
    return { ...setup, ...run, liveHeapBytes }
  } finally {
    await context.close()
  }
}

function percentile(values: readonly number[], p: number): number {
  const sorted = values.toSorted((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN
}

const ms = (value: number) => `${value.toFixed(value >= 100 ? 0 : 1)} ms`
const n = (value: number) => value.toLocaleString('en')
const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`

/** Runs both frameworks and prints their figures side by side; false when a page shows a wrong count. */
export async function runFrameworkBench({ quick }: { quick: boolean }): Promise<boolean> {
  const options = quick
    ? { members: 10_000, eventsPerSecond: 1_000, seconds: 2 }
    : { members: 100_000, eventsPerSecond: 1_000, seconds: 10 }
  const stylesheet = readFileSync(join(here, '../../../packages/core/styles/presence.css'), 'utf8')
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>${stylesheet}</style></head><body><div id="app"></div></body></html>`
  const browser = await chromium.launch({
    executablePath: findChromium(),
    args: [...CHROMIUM_FLAGS, ...UNCAPPED_FRAME_FLAGS, '--enable-precise-memory-info'],
  })
  const figures = new Map<Framework, Figures>()
  // The same pages with no events at all, only the snapshot and the scrolling: how high the heap
  // peaks from rendering the list alone, the floor under the figure with events.
  const scrollOnly = new Map<Framework, Figures>()
  try {
    for (const framework of FRAMEWORKS)
      figures.set(framework, await measure(browser, framework, html, options))
    if (!quick) {
      for (const framework of FRAMEWORKS)
        scrollOnly.set(framework, await measure(browser, framework, html, { ...options, eventsPerSecond: 0 }))
    }
  } finally {
    await browser.close()
  }
  const react = figures.get('React')!
  const vue = figures.get('Vue')!
  const line = (
    metric: string,
    of: (f: Figures) => number,
    format: (value: number) => string,
    target: string,
  ) => {
    const [r, v] = [of(react), of(vue)]
    console.log(
      `${metric}: React ${format(r)}, Vue ${format(v)}, React/Vue ${(r / v).toFixed(2)} (${target})`,
    )
  }
  console.log(
    `${quick ? 'chromium frameworks (quick run: small sizes, figures not representative)' : 'chromium frameworks'}: ` +
      `${n(options.members)} members, ${n(options.eventsPerSecond)} events/s for ${options.seconds} s, scrolling; production builds; rooms on bigRoomRoster, as the docs advise for rooms of thousands`,
  )
  const over50 = (f: Figures) => f.frameTimes.filter((time) => time > 50).length
  line(
    'first list paint after the snapshot',
    (f) => f.firstPaintMs,
    ms,
    'target: within 1 s; React within 1.2x of Vue',
  )
  line('count shown after the snapshot', (f) => f.countShownMs, ms, 'target: within 1 s')
  line('worst frame after the first paint', (f) => Math.max(...f.frameTimes), ms, 'target: at most 50 ms')
  line('frames over 50 ms after the first paint', over50, (value) => `${value}`, 'target: none')
  line('p95 frame', (f) => percentile(f.frameTimes, 95), ms, 'budget 16.7 ms')
  line(
    'frames drawn',
    (f) => f.frameTimes.length,
    (value) => `${value}`,
    'more is better',
  )
  line('heap peak', (f) => f.heapPeakBytes, mb, 'for scale')
  line('live heap after a full GC', (f) => f.liveHeapBytes, mb, 'for scale')
  line(
    'heap peak / live heap',
    (f) => f.heapPeakBytes / f.liveHeapBytes,
    (value) => `${value.toFixed(2)}x`,
    'target: under 2x',
  )
  if (!quick) {
    const [r, v] = FRAMEWORKS.map((framework) => {
      const f = scrollOnly.get(framework)!
      return f.heapPeakBytes / f.liveHeapBytes
    }) as [number, number]
    console.log(
      `heap peak / live heap with no events, scrolling only: React ${r.toFixed(2)}x, Vue ${v.toFixed(2)}x ` +
        '(for scale: what rendering the list alone leaves for the events)',
    )
  }
  line(
    'most rows in the DOM',
    (f) => f.maxRows,
    (value) => `${value}`,
    'virtualized: about a viewport',
  )
  console.log(machineLoad())
  let ok = true
  for (const [framework, f] of figures) {
    const expected = `${n(f.expectedCount)} online`
    if (f.finalCount !== expected) {
      console.error(
        `${framework}: the page shows "${f.finalCount}" after ${n(f.delivered)} events, expected "${expected}"`,
      )
      ok = false
    }
  }
  return ok
}
