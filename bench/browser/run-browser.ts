import { build } from 'esbuild'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { report } from '../core/measure.js'
import { CHROMIUM_FLAGS, findChromium, UNCAPPED_FRAME_FLAGS } from './chromium.js'
import type { BenchConfig, BenchResult } from './page.js'

const here = dirname(fileURLToPath(import.meta.url))
const FRAME_BUDGET_MS = 16.7
const MAX_DOM_ROWS = 100
/** The page as users ship it: production React (with profiling, to count commits), minified. */
async function bundlePage(): Promise<string> {
  const result = await build({
    entryPoints: [join(here, 'page.tsx')],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    write: false,
    alias: { 'react-dom/client': 'react-dom/profiling' },
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  })
  return result.outputFiles[0]!.text
}

const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>presence-kit bench</title>
<link rel="stylesheet" href="/presence.css"></head>
<body><main id="root"></main><script type="module" src="/page.js"></script></body></html>`

function percentile(values: readonly number[], p: number): number {
  const sorted = values.toSorted((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? Number.NaN
}

/** Runs the page in Debian's Chromium and prints its figures against the targets; false on failure. */
export async function runBrowserBench({ quick }: { quick: boolean }): Promise<boolean> {
  const executablePath = findChromium()
  const { readFile } = await import('node:fs/promises')
  const [script, css] = await Promise.all([
    bundlePage(),
    readFile(join(here, '../../packages/core/styles/presence.css'), 'utf8'),
  ])
  const server = createServer((request, response) => {
    const body = request.url === '/page.js' ? script : request.url === '/presence.css' ? css : html
    const type =
      request.url === '/page.js'
        ? 'text/javascript'
        : request.url === '/presence.css'
          ? 'text/css'
          : 'text/html'
    response.writeHead(200, { 'content-type': `${type}; charset=utf-8` })
    response.end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const browser = await chromium.launch({
    executablePath,
    args: [...CHROMIUM_FLAGS, ...UNCAPPED_FRAME_FLAGS],
    headless: true,
  })
  try {
    const page = await browser.newPage({ viewport: { width: 1024, height: 768 } })
    const pageErrors: string[] = []
    page.on('pageerror', (error) => pageErrors.push(error.message))
    await page.goto(`http://127.0.0.1:${port}/`)
    const config: BenchConfig = quick
      ? { members: 10_000, eventsPerSecond: 1_000, seconds: 2 }
      : { members: 100_000, eventsPerSecond: 1_000, seconds: 10 }
    await page.waitForFunction(() => 'presenceBench' in window)
    const result = await page.evaluate(
      (c) =>
        (
          window as unknown as { presenceBench: { run(c: BenchConfig): Promise<BenchResult> } }
        ).presenceBench.run(c),
      config,
    )
    if (pageErrors.length > 0) throw new Error(`the page failed: ${pageErrors.join('; ')}`)
    const label = `${config.members.toLocaleString('en')} members, ${config.eventsPerSecond.toLocaleString('en')} events/s for ${config.seconds} s`
    const p95 = percentile(result.frameTimes, 95)
    const framesPerSecond = result.frameTimes.length / result.seconds
    report(`chromium p95 frame time (${label})`, p95, 'target', FRAME_BUDGET_MS, 'ms', false, 1)
    report(
      `chromium commits per second (${label})`,
      result.commits / result.seconds,
      'frames',
      framesPerSecond,
      'per s',
      false,
      1,
    )
    report(`chromium rows in the DOM (${label})`, result.maxRows, 'target', MAX_DOM_ROWS, 'rows', false, 1)
    console.log(
      `chromium run: ${result.events} events delivered, ${result.frameTimes.length} frames, median frame ${percentile(result.frameTimes, 50).toFixed(1)} ms, max ${Math.max(...result.frameTimes).toFixed(1)} ms, ${result.finalCount} members at the end`,
    )
    return true
  } finally {
    await browser.close()
    server.close()
  }
}
