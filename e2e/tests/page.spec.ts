import { expect, test, type Demo } from '../support/fixtures.js'
import { axeViolations } from '../support/axe.js'

for (const colorScheme of ['light', 'dark'] as const) {
  /** Three people in the room and one of them typing: every part of the page is showing. */
  async function openBusyRoom(demo: Demo) {
    const ada = await demo.open({ user: 'ada', name: 'Ada Lovelace', avatar: 'sun' }, { colorScheme })
    const grace = await demo.open({ user: 'grace', name: 'Grace Hopper', avatar: 'sea' })
    await demo.open({ user: 'alan', name: 'Alan Turing', avatar: 'none' })
    await expect(ada.rows).toHaveCount(3)
    await grace.type('Hello')
    await expect(ada.typingIndicator).toContainText('Grace Hopper is typing')
    return ada
  }

  // One axe pass per test: axe-core over a whole page is CPU-bound, and on a busy two-core machine
  // two passes, three pages and their screenshots did not fit one test's deadline.
  test(`the page passes axe in ${colorScheme} mode, and a screenshot is kept`, async ({ demo }) => {
    test.slow()
    const ada = await openBusyRoom(demo)
    // The picture first, while Grace is still typing; axe takes a while.
    await ada.page.screenshot({ path: demo.screenshotPath(colorScheme), fullPage: true })
    expect(await axeViolations(ada.page)).toEqual([])
  })

  test(`the page with the crowd's panel open passes axe in ${colorScheme} mode, and a screenshot is kept`, async ({
    demo,
  }) => {
    test.slow()
    const ada = await openBusyRoom(demo)
    // The crowd's panel too: many rows, initials fallbacks for its unloadable pictures.
    await ada.crowdSwitch.click()
    await expect(ada.crowdPanel.locator('[data-part="online-list-row"]').first()).toBeVisible()
    expect(await axeViolations(ada.page)).toEqual([])
    await ada.page.screenshot({ path: demo.screenshotPath(`${colorScheme}-crowd`), fullPage: true })
  })
}

test('the page works from the keyboard', async ({ demo }) => {
  const ada = await demo.open({ user: 'ada', name: 'Ada Lovelace' })
  await demo.open({ user: 'grace', name: 'Grace Hopper' })
  await expect(ada.rows).toHaveCount(2)

  // The list is one tab stop; arrows move its active row.
  await ada.onlineList.focus()
  await ada.page.keyboard.press('Home')
  const first = await ada.onlineList.getAttribute('aria-activedescendant')
  await ada.page.keyboard.press('ArrowDown')
  const second = await ada.onlineList.getAttribute('aria-activedescendant')
  expect(first).not.toBeNull()
  expect(second).not.toBeNull()
  expect(second).not.toBe(first)
  await expect(ada.page.locator(`[id="${second}"]`)).toHaveAttribute('data-active', /.*/)

  // The crowd switch toggles with Space.
  await ada.crowdSwitch.focus()
  await ada.page.keyboard.press('Space')
  await expect(ada.crowdSwitch).toHaveAttribute('aria-checked', 'true')

  // Joining a room with the keyboard only.
  await ada.page.getByLabel('Join a room').fill('design')
  await ada.page.keyboard.press('Enter')
  await expect(ada.page.getByRole('button', { name: /# design/ })).toHaveAttribute('aria-pressed', 'true')

  // The theme picker forces dark mode over a light system preference.
  const background = () => ada.page.evaluate(() => getComputedStyle(document.body).backgroundColor)
  const light = await background()
  await ada.page.getByLabel('Theme').selectOption('dark')
  await expect(ada.page.locator('html')).toHaveAttribute('data-presence-theme', 'dark')
  await expect.poll(background).not.toBe(light)
})

test('several rooms at once: the user stays in every joined room', async ({ demo }) => {
  const ada = await demo.open({ user: 'ada', name: 'Ada Lovelace', rooms: ['lobby', 'design'] })
  const grace = await demo.open({ user: 'grace', name: 'Grace Hopper', rooms: ['design'] })
  // Grace looks at design: Ada is there although Ada shows the lobby.
  const graceDesign = grace.inRoom('design')
  await expect(graceDesign.row('Ada Lovelace')).toHaveCount(1)
  await expect(ada.page.getByRole('button', { name: '# design (2)' })).toBeVisible()

  await ada.page.getByRole('button', { name: 'Leave design' }).click()
  await expect(graceDesign.row('Ada Lovelace')).toHaveCount(0, { timeout: 15_000 })
  await expect(ada.rows).toHaveCount(1)
})

test('the crowd switch starts at 10 members and goes away when switched off', async ({ demo }) => {
  const ada = await demo.open({ user: 'ada', name: 'Ada Lovelace' })
  await ada.crowdSize.selectOption('10')
  await ada.crowdSwitch.click()
  await expect(ada.crowdSwitch).toHaveAttribute('aria-checked', 'true')
  const crowdCount = ada.crowdPanel.locator('[data-demo="count"]')
  // The simulator churns, so the count moves around the size asked for (you are in it too).
  const online = async () =>
    Number(/^(\d+) online$/.exec((await crowdCount.textContent()) ?? '')?.[1] ?? Number.NaN)
  await expect.poll(online, { timeout: 15_000 }).toBeGreaterThanOrEqual(6)
  expect(await online()).toBeLessThanOrEqual(15)
  await expect(ada.crowdPanel.locator('[data-part="online-list-row"]')).not.toHaveCount(0)
  // The simulated crowd is a room of its own: the real room's list does not grow.
  await expect(ada.rows).toHaveCount(1)
  await ada.crowdSwitch.click()
  await expect(ada.crowdSwitch).toHaveAttribute('aria-checked', 'false')
  await expect(ada.crowdPanel).toHaveCount(0)
})

test('a crowd of 100,000 keeps the list small in the page', async ({ demo }) => {
  const ada = await demo.open({ user: 'ada', name: 'Ada Lovelace' })
  await ada.crowdSize.selectOption('100000')
  await ada.crowdSwitch.click()
  const crowdCount = ada.crowdPanel.locator('[data-demo="count"]')
  await expect(crowdCount).toHaveText(/^100,\d{3} online$/, { timeout: 30_000 })
  const rows = await ada.crowdPanel.locator('[data-part="online-list-row"]').count()
  expect(rows).toBeGreaterThan(0)
  expect(rows).toBeLessThanOrEqual(120)
  await expect(ada.crowdPanel.locator('[data-part="online-list"]')).toHaveAttribute('role', 'listbox')
})
