import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { axeViolations } from '../support/axe.js'
import { expect, test } from '../support/fixtures.js'
import { REPO_ROOT } from '../support/paths.js'

const ADA = { user: 'ada', name: 'Ada Lovelace', avatar: 'sun' }
const GRACE = { user: 'grace', name: 'Grace Hopper', avatar: 'sea' }

/** Opens the panel with the demo's development-only button; Playwright's locators pierce its shadow root. */
async function openDevtools(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Presence devtools' }).click()
  const panel = page.locator('[data-presence-devtools]')
  await expect(panel.getByRole('tablist', { name: 'Devtools views' })).toBeVisible()
  return panel
}

const view = async (panel: Locator, name: string) => {
  await panel.getByRole('tab', { name }).click()
}

/** The distinct kinds, in order, of what the adapter handed the store about one user. */
async function inputKinds(panel: Locator, userId: string): Promise<string[]> {
  const kinds = await panel
    .locator(`[data-view="timeline"] > li[data-source="adapter"][data-user-id="${userId}"]`)
    .evaluateAll((lines) => lines.map((line) => (line as HTMLElement).dataset['kind'] ?? ''))
  return kinds.filter((kind, i) => kind !== kinds[i - 1])
}

test('the devtools follow a second user’s join, update, typing and leave, in order', async ({ devDemo }) => {
  const ada = await devDemo.open({ ...ADA, params: { grace: 500 } })
  const panel = await openDevtools(ada.page)
  await view(panel, 'Timeline')

  const grace = await devDemo.open(GRACE)
  await expect(ada.row('Grace Hopper')).toHaveCount(1)
  await grace.awayButton.click()
  await expect.poll(() => ada.rowStatus('Grace Hopper')).toBe('away')
  await grace.type('Hi Ada')
  await expect(ada.typingIndicator).toContainText('Grace Hopper is typing')
  await grace.page.close()
  await expect(ada.row('Grace Hopper')).toHaveCount(0)

  await expect
    .poll(async () => {
      const kinds = await inputKinds(panel, 'grace')
      return [kinds[0], kinds.at(-1)]
    })
    .toEqual(['join', 'leave'])
  // Each step after the one before: join, then an update, then typing, then the leave.
  const kinds = await inputKinds(panel, 'grace')
  const joined = kinds.indexOf('join')
  const update = kinds.indexOf('update', joined)
  const typing = kinds.indexOf('typing', update)
  const leave = kinds.indexOf('leave', typing)
  expect(
    [joined, update, typing, leave].every((index, i, all) => index >= 0 && (i === 0 || index > all[i - 1]!)),
    kinds.join(' '),
  ).toBe(true)
  // The store committed them, and says how many inputs each commit took.
  await expect(panel.locator('[data-view="timeline"] > li[data-kind="commit"]').first()).toBeVisible()
  await expect(panel.locator('[data-view="batching"]')).toContainText('inputs per commit')
})

test('the members view matches the roster the page shows from room.get()', async ({ devDemo }) => {
  const ada = await devDemo.open(ADA)
  const grace = await devDemo.open(GRACE)
  await devDemo.openTab(grace, GRACE)
  await expect(ada.rows).toHaveCount(2)
  const panel = await openDevtools(ada.page)
  await view(panel, 'Members')
  const members = panel.locator('[data-view="members"] > li')
  await expect(members).toHaveCount(2)
  const shown = await members.evaluateAll((items) =>
    items.map((item) => ({
      userId: (item as HTMLElement).dataset['userId'],
      connections: Number((item as HTMLElement).dataset['connections']),
      name: item.querySelector('strong')?.textContent,
    })),
  )
  const rows = await ada.rows.allTextContents()
  expect(shown.map((m) => m.name).toSorted()).toEqual(
    ['Ada Lovelace', 'Grace Hopper'].filter((name) => rows.some((row) => row.includes(name))),
  )
  // Grace in two tabs: one member with two connections, each with its data and version.
  expect(shown.find((m) => m.userId === 'grace')?.connections).toBe(2)
  expect(shown.find((m) => m.userId === 'ada')?.connections).toBe(1)
  await expect(panel.locator('[data-view="members"] > li[data-self]')).toHaveAttribute('data-user-id', 'ada')
  await expect(panel.locator('li[data-user-id="grace"] [data-connection-id]')).toHaveCount(2)
  await expect(panel.locator('li[data-user-id="grace"] [data-connection-id]').first()).toContainText(
    'version',
  )
})

test('a dropped link shows the room stale, then resynced', async ({ devDemo }) => {
  const ada = await devDemo.open(ADA)
  await devDemo.open(GRACE)
  await expect(ada.rows).toHaveCount(2)
  const panel = await openDevtools(ada.page)
  const lobby = panel.locator('[data-view="rooms"] > li[data-room="lobby"]')
  await expect(lobby).toHaveAttribute('data-stale', 'false')

  await view(panel, 'Actions')
  await panel.getByRole('button', { name: 'Drop the link' }).click()
  await view(panel, 'Rooms')
  await expect(lobby).toHaveAttribute('data-stale', 'true')
  await expect(lobby).toHaveAttribute('data-status', 'disconnected')
  await expect(ada.serverLink).toHaveAttribute('data-connection', 'disconnected')
  // Kept while stale: the roster does not blank.
  await expect(ada.rows).toHaveCount(2)

  await view(panel, 'Actions')
  await panel.getByRole('button', { name: 'Restore the link' }).click()
  await view(panel, 'Rooms')
  await expect(lobby).toHaveAttribute('data-status', 'connected')
  await expect(lobby).toHaveAttribute('data-stale', 'false')
  await expect(lobby).toHaveAttribute('data-synced', 'true')
  await expect(ada.rows).toHaveCount(2)
})

test('an injected malformed event shows as an error, and the page keeps working', async ({ devDemo }) => {
  const ada = await devDemo.open(ADA)
  const errors: string[] = []
  ada.page.on('pageerror', (error) => errors.push(error.message))
  const grace = await devDemo.open(GRACE)
  const panel = await openDevtools(ada.page)
  await view(panel, 'Actions')
  await panel.getByRole('combobox', { name: 'Malformed input' }).selectOption({ label: 'A join without ids' })
  await panel.getByRole('button', { name: 'Inject' }).click()
  await view(panel, 'Timeline')
  const error = panel.locator('[data-view="timeline"] > li[data-kind="error"]')
  await expect(error).toHaveCount(1)
  await expect(error).toContainText('invalid-input')

  // Still working: Grace's typing reaches Ada, Ada's reaches Grace, and nothing threw.
  await grace.type('Still here')
  await expect(ada.typingIndicator).toContainText('Grace Hopper is typing')
  await ada.type('Me too')
  await expect(grace.typingIndicator).toContainText('Ada Lovelace is typing')
  await expect(ada.rows).toHaveCount(2)
  expect(errors).toEqual([])
})

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the panel passes axe in ${colorScheme} mode, and screenshots are kept`, async ({ devDemo }) => {
    const ada = await devDemo.open(ADA, { colorScheme })
    const grace = await devDemo.open(GRACE)
    await grace.type('Hello')
    const panel = await openDevtools(ada.page)
    await view(panel, 'Members')
    await expect(panel.locator('[data-view="members"] > li[data-user-id="grace"]')).toHaveCount(1)
    await ada.page.screenshot({ path: devDemo.screenshotPath(`devtools-${colorScheme}`) })
    expect(await axeViolations(ada.page)).toEqual([])
    if (colorScheme === 'light') {
      // Readable at 320 px: the panel takes the whole width and nothing spills sideways.
      await ada.page.setViewportSize({ width: 320, height: 640 })
      await view(panel, 'Timeline')
      const overflow = await panel.evaluate((host) => {
        const section = host.shadowRoot!.querySelector('section')!
        return {
          width: host.getBoundingClientRect().width,
          scroll: section.scrollWidth - section.clientWidth,
        }
      })
      expect(overflow).toEqual({ width: 320, scroll: 0 })
      await ada.page.screenshot({ path: devDemo.screenshotPath('devtools-320') })
    }
  })
}

test('a production build of the demo carries nothing of the devtools', ({ framework }) => {
  const assets = (folder: string) => {
    const dir = join(REPO_ROOT, 'apps', `${framework}-demo`, folder, 'assets')
    return readdirSync(dir)
      .filter((file) => file.endsWith('.js'))
      .map((file) => readFileSync(join(dir, file), 'utf8'))
  }
  // Words of the panel and of the demo's button: a minifier keeps strings.
  const markers = ['Devtools views', 'Presence devtools']
  const hasDevtools = (code: string) => markers.some((marker) => code.includes(marker))
  // The development build has the panel (so the marker is a fair test), the production build none.
  expect(assets('dist-dev').some(hasDevtools)).toBe(true)
  expect(assets('dist').filter(hasDevtools)).toEqual([])
})
