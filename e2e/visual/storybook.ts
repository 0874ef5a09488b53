import type { Page } from '@playwright/test'
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { REPO_ROOT } from '../support/paths.js'

export type Framework = 'react' | 'vue'

/** Where each framework's built Storybook is: the Vue one is composed into the React one at /vue. */
export const STORYBOOK_FOLDER = join(REPO_ROOT, 'storybook-static')
export const STORYBOOK_PATH: Record<Framework, string> = { react: '', vue: 'vue/' }

export interface StoryEntry {
  readonly id: string
  readonly title: string
  readonly name: string
}

/**
 * `npm test` builds the Storybook in a step of its own before the tests; run alone, the visual
 * tests build it when there is none yet.
 */
export function ensureBuiltStorybook(): void {
  const built = ['index.json', 'vue/index.json'].every((path) => existsSync(join(STORYBOOK_FOLDER, path)))
  if (built) return
  const result = spawnSync('pnpm', ['run', 'build-storybook'], { cwd: REPO_ROOT, stdio: 'inherit' })
  if (result.status !== 0) throw new Error('pnpm build-storybook failed; the lines above say why.')
}

/** Every story (not docs page) of a framework's build, in the sidebar's order. */
export function storiesOf(framework: Framework): StoryEntry[] {
  const file = join(STORYBOOK_FOLDER, STORYBOOK_PATH[framework], 'index.json')
  const index = JSON.parse(readFileSync(file, 'utf8')) as {
    entries: Record<string, StoryEntry & { type: string }>
  }
  return Object.values(index.entries)
    .filter((entry) => entry.type === 'story')
    .map(({ id, title, name }) => ({ id, title, name }))
}

/** How a story is looked at: the toolbar's theme and direction. */
export interface Look {
  readonly name: string
  readonly theme: 'light' | 'dark'
  readonly direction: 'ltr' | 'rtl'
}

export const LOOKS: readonly Look[] = [
  { name: 'light', theme: 'light', direction: 'ltr' },
  { name: 'dark', theme: 'dark', direction: 'ltr' },
  { name: 'rtl', theme: 'light', direction: 'rtl' },
]

/**
 * How the page's clock runs while a story is shown:
 * - `live`: a crowd that moves on a timer. The clock is stopped at a fixed time on an animation
 *   frame's boundary, and stands still while the story is prepared and rendered (it needs no timer
 *   for that), so the crowd starts at the same instant in every run; then it is moved on by a fixed
 *   time and the story is shot, its play paused where that time left it: the crowd has taken the
 *   same steps, and the devtools' timeline shows the same times, in every run.
 * - `frozen`: a crowd of 100,000 (the story's name says so), whose rows say for how long each member
 *   has been idle or away. Building and drawing it takes seconds, a different number in every run, so
 *   on a running clock a duration near a minute's end reads "14 min" in one run and "15 min" in the
 *   next. The clock is stopped at a fixed time and moved on in steps, at about the pace of real time,
 *   until the story's play has ended.
 * - `running`: the page's clock runs as real time does (from a fixed start).
 */
export type ClockPlan = 'live' | 'frozen' | 'running'

export function clockPlanOf(story: StoryEntry): ClockPlan {
  if (story.title.startsWith('Live/')) return 'live'
  if (/Hundred Thousand/u.test(story.name)) return 'frozen'
  return 'running'
}

// Storybook's own globals in the preview page are named with dangling underscores.
/* oxlint-disable no-underscore-dangle */
/** How far a stopped clock is moved on at a time while a frozen story renders. */
const STOPPED_CLOCK_STEP_MS = 50
/** The page's clock gives animation frames every 16 ms, counted from the clock's start. */
const FRAME_MS = 16

/**
 * Stops the page's clock at `wallTime` for a story that must not depend on how long anything took.
 * - The story shown now ends first, on the running clock: one still at work (checking itself with
 *   axe after a change of look, say) is waited for by Storybook on timers when it is left, which a
 *   stopped clock would have to be moved on for, by a number of steps that differs run to run.
 * - Then the clock stops a few seconds ahead (it runs on while the pause is being asked for) and
 *   moves on to the next animation frame's boundary: the story's frames (the store's batched
 *   commits) then fall at the same offsets from its start in every run.
 * - Only the wall clock moves back to `wallTime`; timers keep their order.
 */
export async function stopClock(page: Page, wallTime: Date): Promise<void> {
  await previewReady(page, undefined)
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 5_000)
  // On the stopped clock, `performance.now()` is the clock's own count of milliseconds.
  const ticks = Math.round(await page.evaluate(() => performance.now()))
  const toFrame = (FRAME_MS - (ticks % FRAME_MS)) % FRAME_MS
  if (toFrame > 0) await page.clock.runFor(toFrame)
  await page.clock.setSystemTime(wallTime)
}

/**
 * Gives the preview the look's globals (theme, direction), unless it has them already. Called before
 * the story is asked for: sent together, the story could render before the globals arrived, in the
 * old look; and before the clock is stopped, so the preview's channel runs on a running clock.
 */
export async function applyLook(page: Page, look: Look): Promise<void> {
  await page.evaluate(
    async ({ theme, direction }) => {
      const scope = window as unknown as {
        __STORYBOOK_ADDONS_CHANNEL__: {
          emit(...args: unknown[]): void
          once(event: string, listener: () => void): void
        }
        visualLook?: string
      }
      const wanted = `${theme}/${direction}`
      if (scope.visualLook === wanted) return
      const channel = scope.__STORYBOOK_ADDONS_CHANNEL__
      await new Promise<void>((updated) => {
        channel.once('globalsUpdated', updated)
        channel.emit('updateGlobals', { globals: { theme, direction, styles: 'styled' } })
      })
      scope.visualLook = wanted
    },
    { theme: look.theme, direction: look.direction },
  )
}

/**
 * Shows a story in the preview already open in `page`, through Storybook's own channel (as the
 * manager does), and waits until it has rendered and its play function is done. A live story's play
 * may wait on its crowd's timers for longer than the picture needs: rendering is enough there.
 */
export async function showStory(page: Page, story: StoryEntry, look: Look, clock: ClockPlan) {
  await applyLook(page, look)
  const shown = await page.evaluate((id) => {
    const scope = window as unknown as {
      __STORYBOOK_ADDONS_CHANNEL__: { emit(...args: unknown[]): void }
      __STORYBOOK_PREVIEW__?: { currentRender?: { id?: string; phase?: string } }
      visualFailed?: Set<string>
    }
    scope.visualFailed?.delete(id)
    if (scope.__STORYBOOK_PREVIEW__?.currentRender?.id === id) return 'same'
    scope.__STORYBOOK_ADDONS_CHANNEL__.emit('setCurrentStory', { storyId: id, viewMode: 'story' })
    return 'switching'
  }, story.id)
  if (shown === 'same') {
    // The same story (the first of a look, shown last in the previous one) renders again in place,
    // on the running clock: one on a stopped clock is rendered once more, from its start.
    if (clock === 'running') await page.waitForTimeout(500)
    else await remount(page, story.id)
  }
  const done = clock === 'live' ? ['playing', 'played', 'completed', 'finished'] : ['finished']
  const rendered = () =>
    page.evaluate(
      ({ id, done: phases }) => {
        const scope = window as unknown as {
          __STORYBOOK_PREVIEW__?: { currentRender?: { id?: string; phase?: string } }
          visualFailed?: Set<string>
        }
        const render = scope.__STORYBOOK_PREVIEW__?.currentRender
        // A failed play is "errored" only for a moment: Storybook logs it and goes on to "finished".
        if (render?.phase === 'errored' || scope.visualFailed?.has(id)) {
          throw new Error(`The story ${id} failed to render or play (its error is in the preview's console).`)
        }
        return render?.id === id && phases.includes(render.phase ?? '')
      },
      { id: story.id, done },
    )
  const untilRendered = async () => {
    const deadline = Date.now() + 170_000
    while (!(await rendered())) {
      if (Date.now() > deadline) {
        throw new Error(
          `The story ${story.id} did not render within 170 s` +
            (clock === 'live' ? ' (a live story must render on the stopped clock, without timers).' : '.'),
        )
      }
      // A frozen story's play waits on its timers: the stopped clock is moved on, no faster than
      // real time, so the play's time limits still mean what they say. A live story's clock stands
      // still until the story has rendered.
      if (clock === 'frozen') await page.clock.runFor(STOPPED_CLOCK_STEP_MS)
      await page.waitForTimeout(STOPPED_CLOCK_STEP_MS)
    }
  }
  await untilRendered()
  if (!(await inLook(page, story, look))) {
    // Right after a live story the first story of a new look has rendered in the old one: once
    // more, from the start, with the globals now in place.
    await remount(page, story.id)
    await untilRendered()
  }
  if (!(await inLook(page, story, look))) {
    throw new Error(`The story ${story.id} rendered in another look than ${look.name}.`)
  }
  // Web fonts (none are fetched, but a story may declare one) and a frame for layout to settle.
  await page.evaluate(async (frames) => {
    await document.fonts.ready
    // The page's clock drives animation frames too: while it is stopped, none come.
    if (frames) await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
  }, clock === 'running')
}

/** Renders the preview's story once more from its start (Storybook's own "remount"). */
async function remount(page: Page, storyId: string): Promise<void> {
  // Until the new render has begun: its phase before that is the old render's "finished".
  await page.evaluate(
    (id) =>
      new Promise<void>((begun) => {
        const scope = window as unknown as {
          __STORYBOOK_ADDONS_CHANNEL__: {
            emit(...args: unknown[]): void
            on(event: string, listener: (change: { storyId?: string; newPhase?: string }) => void): void
            off(event: string, listener: (change: { storyId?: string; newPhase?: string }) => void): void
          }
          visualFailed?: Set<string>
        }
        const channel = scope.__STORYBOOK_ADDONS_CHANNEL__
        const onPhase = (change: { storyId?: string; newPhase?: string }) => {
          if (change.storyId !== id || change.newPhase !== 'loading') return
          channel.off('storyRenderPhaseChanged', onPhase)
          begun()
        }
        channel.on('storyRenderPhaseChanged', onPhase)
        scope.visualFailed?.delete(id)
        channel.emit('forceRemount', { storyId: id })
      }),
    storyId,
  )
}

/**
 * Notes in the preview each story whose render or play fails. Storybook logs a failed play and then
 * finishes the story as if it had played: without this, a picture of a play stopped half way (a
 * typing sentence never cleared) would pass for its end state.
 */
export async function watchFailures(page: Page): Promise<void> {
  await page.evaluate(() => {
    const scope = window as unknown as {
      __STORYBOOK_ADDONS_CHANNEL__: {
        on(event: string, listener: (change: { storyId?: string; newPhase?: string }) => void): void
      }
      visualFailed?: Set<string>
    }
    if (scope.visualFailed !== undefined) return
    const failed = new Set<string>()
    scope.visualFailed = failed
    scope.__STORYBOOK_ADDONS_CHANNEL__.on('storyRenderPhaseChanged', ({ storyId, newPhase }) => {
      if (newPhase === 'errored' && storyId !== undefined) failed.add(storyId)
    })
  })
}

/** Until the preview's story (this one, if given) has finished, so the next one does not race it. */
export async function previewReady(page: Page, storyId: string | undefined): Promise<void> {
  await page.waitForFunction(
    (id) => {
      const render = (
        window as unknown as { __STORYBOOK_PREVIEW__?: { currentRender?: { id?: string; phase?: string } } }
      ).__STORYBOOK_PREVIEW__?.currentRender
      return (
        '__STORYBOOK_ADDONS_CHANNEL__' in window &&
        (id === undefined || render?.id === id) &&
        render?.phase === 'finished'
      )
    },
    storyId,
    // A live story of 100,000 plays for a while on a busy machine.
    { timeout: 170_000, polling: 100 },
  )
}

/** The story's frame is in the look asked for, or in the story's own (a story may fix its globals). */
async function inLook(page: Page, story: StoryEntry, look: Look): Promise<boolean> {
  const frameLook = await page.evaluate(() => {
    const frame = document.querySelector('#storybook-root [data-presence-theme]')
    const current = (
      window as unknown as {
        __STORYBOOK_PREVIEW__?: {
          currentRender?: { story?: { storyGlobals?: Record<string, string> } }
        }
      }
    ).__STORYBOOK_PREVIEW__?.currentRender?.story
    return {
      shown: `${frame?.getAttribute('data-presence-theme')}/${frame?.getAttribute('dir')}`,
      fixed: current?.storyGlobals ?? {},
    }
  })
  const wanted = `${frameLook.fixed['theme'] ?? look.theme}/${frameLook.fixed['direction'] ?? look.direction}`
  return frameLook.shown === wanted
}
