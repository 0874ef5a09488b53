import { expect, test } from '../support/fixtures.js'

const ADA = { user: 'ada', name: 'Ada Lovelace', avatar: 'sun' }
const GRACE = { user: 'grace', name: 'Grace Hopper', avatar: 'sea' }

test('two people see each other join, with name and avatar', async ({ demo }) => {
  const ada = await demo.open(ADA)
  const grace = await demo.open(GRACE)

  for (const [viewer, other, picture] of [
    [ada, 'Grace Hopper', 'avatars/sea.png'],
    [grace, 'Ada Lovelace', 'avatars/sun.png'],
  ] as const) {
    await expect(viewer.rows).toHaveCount(2)
    const row = viewer.row(other)
    await expect(row).toHaveCount(1)
    await expect(row.locator('[data-part="avatar-image"]')).toHaveAttribute('src', new RegExp(`${picture}$`))
    await expect(viewer.avatarStack.locator('[data-part="avatar"]')).toHaveCount(2)
  }
  // Each sees itself marked as self.
  await expect(ada.rows.and(ada.page.locator('[data-self]'))).toContainText('Ada Lovelace')
})

test('the name and avatar picker changes how the others see you', async ({ demo }) => {
  const ada = await demo.open(ADA)
  const grace = await demo.open(GRACE)
  await expect(grace.row('Ada Lovelace')).toHaveCount(1)

  const profile = ada.page.locator('[data-demo="profile"]')
  await profile.getByLabel('Name').fill('Countess Ada')
  await profile.getByRole('radio', { name: 'Leaf' }).check()
  await profile.getByRole('button', { name: 'Save' }).click()

  const renamed = grace.row('Countess Ada')
  await expect(renamed).toHaveCount(1)
  await expect(renamed.locator('[data-part="avatar-image"]')).toHaveAttribute('src', /avatars\/leaf\.png$/)
  // An update, not a second member: the same person under a new name.
  await expect(grace.rows).toHaveCount(2)
  await expect(grace.row('Ada Lovelace')).toHaveCount(0)

  // Initials instead of a picture: the avatar shows no image at all.
  await profile.getByRole('radio', { name: 'Initials' }).check()
  await profile.getByRole('button', { name: 'Save' }).click()
  await expect(renamed.locator('[data-part="avatar-image"]')).toHaveCount(0)
  await expect(renamed.locator('[data-part="avatar-initials"]')).toBeVisible()
})

test('typing shows the sentence on the other side, and sending clears it at once', async ({ demo }) => {
  const ada = await demo.open(ADA)
  const grace = await demo.open(GRACE)

  await grace.type('Hello Ada')
  await expect(ada.typingIndicator).toContainText('Grace Hopper is typing')
  // The typer does not see themselves typing.
  await expect(grace.typingIndicator).toHaveText('')

  // Enter sends and keeps the focus in the box, so it is the send, not a blur, that stops typing.
  await grace.messageBox.press('Enter')
  await expect(grace.messageBox).toBeFocused()
  await expect(grace.messageBox).toHaveValue('')
  // Well under the 3 s the sender would take to stop by itself and the 6 s TTL.
  await expect(ada.typingIndicator).toHaveText('', { timeout: 1_500 })

  // The Send button stops it too.
  await grace.type('Still there?')
  await expect(ada.typingIndicator).toContainText('Grace Hopper is typing')
  await grace.sendButton.click()
  await expect(ada.typingIndicator).toHaveText('', { timeout: 1_500 })
  await expect(grace.page.getByRole('list', { name: 'Sent from this tab' })).toContainText('Still there?')
})

test('typing expires on the receiver after its TTL when no stop arrives', async ({ demo }) => {
  const ada = await demo.open({ ...ADA, params: { typingTtl: 2_500, typingThrottle: 1_000 } })
  // A sender that never stops by itself: only the receiver's TTL can clear the sentence.
  const grace = await demo.open({ ...GRACE, params: { typingAutoStop: 600_000 } })

  // When the sentence appeared and went, on Ada's own clock, as the page rendered them: timed
  // from here, a busy machine could show the sentence late and make the span look short.
  await ada.typingIndicator.evaluate((indicator) => {
    const times: { shownAt?: number; clearedAt?: number } = {}
    Object.assign(window, { typingTimes: times })
    new MutationObserver(() => {
      const text = indicator.textContent?.trim() ?? ''
      if (text !== '' && times.shownAt === undefined) times.shownAt = performance.now()
      if (text === '' && times.shownAt !== undefined && times.clearedAt === undefined)
        times.clearedAt = performance.now()
    }).observe(indicator, { subtree: true, childList: true, characterData: true })
  })
  await grace.type('Hi')
  await expect(ada.typingIndicator).toContainText('Grace Hopper is typing')
  // Nothing else clears it (the sender never stops by itself), so the deadline only bounds a slow
  // machine: the TTL is what is waited for.
  await expect(ada.typingIndicator).toHaveText('', { timeout: 30_000 })
  const { shownAt, clearedAt } = await ada.page.evaluate(
    () => (window as unknown as { typingTimes: { shownAt: number; clearedAt: number } }).typingTimes,
  )
  expect(clearedAt - shownAt, 'how long the sentence showed, in ms').toBeGreaterThanOrEqual(1_500)
  // Grace is still in the box: nothing but the TTL stopped it.
  await expect(grace.messageBox).toBeFocused()
})

test('a user in two tabs is one member until their last tab closes, then leaves after the grace', async ({
  demo,
}) => {
  const ada = await demo.open({ ...ADA, params: { grace: 2_000 } })
  const first = await demo.open(GRACE)
  const second = await demo.openTab(first, GRACE)

  await expect(ada.row('Grace Hopper')).toHaveCount(1)
  await expect(ada.rows).toHaveCount(2)
  await expect(second.rows).toHaveCount(2)

  await first.page.close()
  // Longer than the leave grace: had the closed tab counted as a leave, it would show by now.
  await ada.page.waitForTimeout(3_000)
  await expect(ada.row('Grace Hopper')).toHaveCount(1)

  await second.page.close()
  const closedAt = Date.now()
  await expect(ada.row('Grace Hopper')).toHaveCount(1)
  await expect(ada.row('Grace Hopper')).toHaveCount(0, { timeout: 10_000 })
  expect(Date.now() - closedAt).toBeGreaterThanOrEqual(1_500)
  await expect(ada.rows).toHaveCount(1)
})

test('the server restarts: the list stays, presence comes back and own presence is re-sent', async ({
  demo,
  presence,
}) => {
  // Two servers started, three pages opened and two reconnections waited for: on a busy two-core
  // machine that has taken longer than one test's deadline.
  test.slow()
  const ada = await demo.open(ADA)
  const grace = await demo.open(GRACE)
  await expect(ada.rows).toHaveCount(2)
  await expect(grace.rows).toHaveCount(2)

  await presence.stop()
  await expect(ada.serverLink).toHaveAttribute('data-connection', 'reconnecting')
  await expect(ada.connectionStatus).toContainText('Reconnecting')
  await expect(grace.serverLink).toHaveAttribute('data-connection', 'reconnecting')
  // The roster is kept on both pages while the link is down: sampled for longer than the leave
  // grace, neither loses anyone (a leave sent while the server shuts down would show here).
  // Each sample reads the rows as they are (no retrying expect, whose 100 ms deadline a busy
  // machine could pass before the first read even though both rows are there).
  for (let sample = 0; sample < 16; sample++) {
    expect(await ada.rows.count(), `Ada's rows, sample ${sample + 1}`).toBe(2)
    expect(await grace.rows.count(), `Grace's rows, sample ${sample + 1}`).toBe(2)
    await ada.page.waitForTimeout(250)
  }

  await presence.start()
  await expect(ada.serverLink).toHaveAttribute('data-connection', 'connected', { timeout: 20_000 })
  await expect(grace.serverLink).toHaveAttribute('data-connection', 'connected', { timeout: 20_000 })
  await expect(ada.connectionStatus).not.toContainText('Reconnecting')
  await expect(ada.row('Grace Hopper')).toHaveCount(1)
  await expect(grace.row('Ada Lovelace')).toHaveCount(1)

  // The restarted server started empty: a newcomer sees both only because each re-sent its presence.
  const alan = await demo.open({ user: 'alan', name: 'Alan Turing' })
  await expect(alan.rows).toHaveCount(3)
  await expect(alan.row('Ada Lovelace').locator('[data-part="avatar-image"]')).toHaveAttribute(
    'src',
    /avatars\/sun\.png$/,
  )
})

test('idle and away follow input and visibility', async ({ demo }) => {
  // Waits out both thresholds once: longer than most tests.
  test.slow()
  // The same thresholds on both sides: the sender reports on its status changes, the receiver
  // ages the report on its own clock. Each status lasts seconds, longer than a busy two-core
  // machine takes to carry a report from one page to the other (with 1.5 s to idle, Grace could
  // see Ada already past "active" when her join arrived).
  const params = { idle: 5_000, away: 12_000 }
  const grace = await demo.open({ ...GRACE, params })
  const ada = await demo.open({ ...ADA, params })
  const adaAsSeenByGrace = () => grace.rowStatus('Ada Lovelace')

  await ada.page.mouse.move(200, 200)
  await expect.poll(adaAsSeenByGrace).toBe('active')
  await expect.poll(adaAsSeenByGrace, { timeout: 20_000 }).toBe('idle')
  await expect.poll(adaAsSeenByGrace, { timeout: 30_000 }).toBe('away')
  await expect(ada.page.locator('[data-demo="my-status"] [data-part="activity-dot"]')).toHaveAttribute(
    'data-status',
    'away',
  )

  await ada.page.keyboard.press('Shift')
  await ada.page.mouse.move(300, 250)
  await expect.poll(adaAsSeenByGrace).toBe('active')

  // Headless Chromium keeps every page visible, so the page is told its tab was hidden, the way
  // the browser does it: visibilityState and the visibilitychange event.
  await ada.page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' })
    document.dispatchEvent(new Event('visibilitychange'))
  })
  await expect.poll(adaAsSeenByGrace).toBe('idle')
  await ada.page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' })
    document.dispatchEvent(new Event('visibilitychange'))
  })
  await ada.page.mouse.move(320, 260)
  await expect.poll(adaAsSeenByGrace).toBe('active')

  // Set away by hand, whatever the input.
  await ada.awayButton.click()
  await expect.poll(adaAsSeenByGrace).toBe('away')
  await ada.page.mouse.move(340, 280)
  await ada.page.waitForTimeout(500)
  expect(await adaAsSeenByGrace()).toBe('away')
  await ada.awayButton.click()
  await expect.poll(adaAsSeenByGrace).toBe('active')
})
