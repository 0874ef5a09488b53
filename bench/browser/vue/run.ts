import { build } from 'esbuild'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Page } from 'playwright-core'
import { report } from '../../core/measure.js'
import { CHROMIUM_FLAGS, findChromium, PRODUCTION_DEFINES, UNCAPPED_FRAME_FLAGS } from '../chromium.js'
import type { RunResult } from './page.js'

/**
 * bench:vue in real Chromium: a room of 100,000 members, then 1,000 joins and leaves a second for
 * 10 seconds, each in its own task, while the list scrolls a row every frame; the kit (`usePresence`
 * + `OnlineList`) and the seed document's Vue composition in the same run, on the same events.
 * Frames are not capped at the display's rate (`--disable-frame-rate-limit`), so a frame's time
 * is the work it took, not a wait for vsync. `--quick` runs small sizes; its figures are not the
 * ones to quote. `--profile` runs the kit only, unminified, under Chromium's sampling profiler and
 * prints the functions that took the most time.
 */
const quick = process.argv.includes('--quick')
const profile = process.argv.includes('--profile')
const here = dirname(fileURLToPath(import.meta.url))
const members = quick ? 10_000 : 100_000
const eventsPerSecond = 1_000
const seconds = quick ? 2 : 10

const bundle = await build({
  entryPoints: [join(here, 'page.ts')],
  bundle: true,
  // Unminified under the profiler, so that its report names the functions.
  minify: !profile,
  format: 'iife',
  platform: 'browser',
  write: false,
  logLevel: 'silent',
  define: { ...PRODUCTION_DEFINES },
})
const script = bundle.outputFiles[0]!.text
const stylesheet = readFileSync(join(here, '../../../packages/core/styles/presence.css'), 'utf8')
const html = `<!doctype html><html><head><meta charset="utf-8"><style>${stylesheet}</style></head><body><div id="app"></div></body></html>`

const browser = await chromium.launch({
  executablePath: findChromium(),
  args: [...CHROMIUM_FLAGS, ...UNCAPPED_FRAME_FLAGS],
})

async function measure(kind: 'kit' | 'seed'): Promise<RunResult> {
  const page = await browser.newPage({ viewport: { width: 800, height: 600 } })
  await page.setContent(html)
  await page.addScriptTag({ content: script })
  await page.evaluate(
    ([side, size]) =>
      (window as unknown as { benchSetup(k: string, m: number): Promise<void> }).benchSetup(side, size),
    [kind, members] as const,
  )
  const profiler = profile ? await startProfiler(page) : undefined
  const result = await page.evaluate(
    ([size, rate, duration]) =>
      (window as unknown as { benchRun(m: number, r: number, s: number): Promise<RunResult> }).benchRun(
        size,
        rate,
        duration,
      ),
    [members, eventsPerSecond, seconds] as const,
  )
  if (profiler !== undefined) await profiler.stop()
  await page.close()
  return result
}

interface ProfileNode {
  readonly id: number
  readonly callFrame: { functionName: string; url: string; lineNumber: number }
}

/** Starts the sampling profiler; `stop` prints the 25 functions with the most self time. */
async function startProfiler(page: Page) {
  const session = await page.context().newCDPSession(page)
  await session.send('Profiler.enable')
  await session.send('Profiler.setSamplingInterval', { interval: 200 })
  await session.send('Profiler.start')
  return {
    async stop() {
      const { profile: result } = (await session.send('Profiler.stop')) as unknown as {
        profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }
      }
      const nodes = new Map(result.nodes.map((node) => [node.id, node]))
      const selfMs = new Map<string, number>()
      let totalMs = 0
      result.samples.forEach((id, index) => {
        const frame = nodes.get(id)!.callFrame
        const name = `${frame.functionName || '(anonymous)'} ${frame.url === '' ? '' : `line ${frame.lineNumber + 1}`}`
        const ms = (result.timeDeltas[index] ?? 0) / 1000
        totalMs += ms
        selfMs.set(name, (selfMs.get(name) ?? 0) + ms)
      })
      console.log(`profile: ${totalMs.toFixed(0)} ms sampled; self time by function:`)
      for (const [name, ms] of [...selfMs].toSorted((a, b) => b[1] - a[1]).slice(0, 25)) {
        console.log(
          `  ${ms.toFixed(0).padStart(6)} ms  ${((ms / totalMs) * 100).toFixed(1).padStart(5)}%  ${name}`,
        )
      }
    },
  }
}

const n = (value: number) => value.toLocaleString('en')

function percentile(values: readonly number[], p: number): number {
  const sorted = values.toSorted((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN
}

try {
  console.log(
    quick ? 'bench:vue chromium (quick run: small sizes, figures not representative)' : 'bench:vue chromium',
  )
  const kit = await measure('kit')
  if (profile) {
    console.log(`kit: p95 frame ${percentile(kit.frameTimes, 95).toFixed(2)} ms under the profiler`)
    process.exit(0)
  }
  const seed = await measure('seed')
  const setting = `${n(members)} members, ${n(eventsPerSecond)} events/s for ${seconds} s, scrolling`
  report(
    `p95 frame time (${setting})`,
    percentile(kit.frameTimes, 95),
    'seed composition',
    percentile(seed.frameTimes, 95),
    'ms',
    false,
  )
  report(
    `frames drawn (${setting})`,
    kit.frameTimes.length,
    'seed composition',
    seed.frameTimes.length,
    'frames',
    true,
  )
  report(
    `events applied in the window (${setting})`,
    kit.delivered,
    'seed composition',
    seed.delivered,
    'events',
    true,
  )
  report('most DOM rows', kit.maxRows, 'seed composition', seed.maxRows, 'rows', false)
  const p95 = percentile(kit.frameTimes, 95)
  const budgetMet = p95 <= 16.7 && kit.maxRows <= 100
  // The budget is for the full sizes; a quick run only shows that both sides still work.
  const verdict = quick ? 'not judged in a quick run' : budgetMet ? 'met' : 'MISSED'
  console.log(
    `kit: p95 frame ${p95.toFixed(2)} ms (budget 16.7 ms), at most ${kit.maxRows} rows (budget 100), final ${kit.finalCount}: ${verdict}`,
  )
} finally {
  await browser.close()
}
