import type { Page } from '@playwright/test'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

// The committed screenshots, and what they were made with. Screenshots depend on the browser and
// on the fonts the system has: the baselines are made with Debian's Chromium on Debian's fonts, as
// `npm test` runs here and in CI, and record both; a machine that draws text differently is told so
// in one message instead of failing every story with a picture that differs.

export const BASELINE_DIR = join(dirname(fileURLToPath(import.meta.url)), 'baselines')
const ENVIRONMENT_FILE = join(BASELINE_DIR, 'environment.json')

/** The one command that writes every baseline anew, named in every message that needs it. */
export const UPDATE_COMMAND = 'pnpm test:visual --update'

/** `pnpm test:visual --update` (run.mjs) sets this; a plain run, in CI or not, never writes. */
export const updating = process.env.PRESENCE_VISUAL_UPDATE === '1'

export function baselinePath(framework: string, storyId: string, look: string): string {
  return join(BASELINE_DIR, framework, `${storyId}--${look}.png`)
}

export function readBaseline(path: string): Buffer {
  if (!existsSync(path)) {
    throw new Error(
      `No baseline ${path.slice(BASELINE_DIR.length + 1)}: a story is new or renamed. Run ` +
        `"${UPDATE_COMMAND}", look at the new pictures and commit them with the story.`,
    )
  }
  return readFileSync(path)
}

export function writeBaseline(path: string, png: Buffer): void {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, png)
}

/** Baselines of stories or looks the build no longer has. */
export function orphanBaselines(expected: ReadonlySet<string>): string[] {
  if (!existsSync(BASELINE_DIR)) return []
  return readdirSync(BASELINE_DIR, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.png'))
    .map((path) => join(BASELINE_DIR, path))
    .filter((path) => !expected.has(path))
}

export function removeBaselines(paths: readonly string[]): void {
  for (const path of paths) rmSync(path)
}

/** What the pictures depend on besides the components: the browser, and how its fonts measure. */
export interface DrawingEnvironment {
  readonly chromium: string
  /** Width in CSS pixels of a fixed text in each font family the stories use. */
  readonly fontWidths: Readonly<Record<string, number>>
}

const FONT_PROBES = ['system-ui', 'sans-serif', 'serif', 'monospace'] as const
const PROBE_TEXT = 'Ada Lovelace · Idle 12 min · +3 · متصل · שלום · ÅÉ 0123456789'

export async function drawingEnvironment(page: Page): Promise<DrawingEnvironment> {
  const version = page.context().browser()?.version() ?? 'unknown'
  const fontWidths = await page.evaluate(
    ({ families, text }) => {
      const context = document.createElement('canvas').getContext('2d')
      if (context === null) throw new Error('No 2D canvas to measure fonts with.')
      const widths: Record<string, number> = {}
      for (const family of families) {
        context.font = `16px ${family}`
        widths[family] = Math.round(context.measureText(text).width * 100) / 100
      }
      return widths
    },
    { families: [...FONT_PROBES], text: PROBE_TEXT },
  )
  // The major version: a patch release of the same Chromium draws the same pictures.
  return { chromium: version.split('.')[0] ?? version, fontWidths }
}

export function recordEnvironment(environment: DrawingEnvironment): void {
  mkdirSync(BASELINE_DIR, { recursive: true })
  writeFileSync(ENVIRONMENT_FILE, `${JSON.stringify(environment, null, 2)}\n`)
}

/** Throws, with what to do, when this machine draws differently from the one that made the baselines. */
export function checkEnvironment(current: DrawingEnvironment): void {
  if (!existsSync(ENVIRONMENT_FILE)) {
    throw new Error(`No baselines (${ENVIRONMENT_FILE} is missing): run "${UPDATE_COMMAND}" and commit them.`)
  }
  const recorded = JSON.parse(readFileSync(ENVIRONMENT_FILE, 'utf8')) as DrawingEnvironment
  if (JSON.stringify(recorded) === JSON.stringify(current)) return
  throw new Error(
    `The baselines were drawn by Chromium ${recorded.chromium} with fonts measuring ` +
      `${JSON.stringify(recorded.fontWidths)}; this machine has Chromium ${current.chromium} with ` +
      `${JSON.stringify(current.fontWidths)}, so every picture would differ. Run the tests on Debian ` +
      `with its chromium package and the fonts it brings, fonts-liberation and fonts-dejavu-core (as CI does), or, after a Chromium or font upgrade ` +
      `there, run "${UPDATE_COMMAND}", look at the pictures and commit them.`,
  )
}
