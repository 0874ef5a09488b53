import { axeViolations } from '../support/axe.js'
import { expect, test } from '../support/fixtures.js'

const ADA = { user: 'ada', name: 'Ada Lovelace', avatar: 'sun', params: { grace: 500 } }
const GRACE = { user: 'grace', name: 'Grace Hopper', avatar: 'sea', params: { grace: 500 } }

test('on BroadcastChannel, two tabs of one browser see each other with no server, and a closed tab leaves', async ({
  tabs,
}) => {
  const ada = await tabs.open(ADA)
  const grace = await tabs.open(GRACE)

  for (const page of [ada, grace]) {
    await expect(page.serverLink).toHaveAttribute('data-transport', 'broadcast-channel')
    await expect(page.serverLink).toHaveText('BroadcastChannel: Connected')
    await expect(page.transportPicker).toHaveValue('broadcast-channel')
    await expect(page.page.locator('[data-demo="no-server"]')).toBeVisible()
  }

  for (const [viewer, other, picture] of [
    [ada, 'Grace Hopper', 'avatars/sea.png'],
    [grace, 'Ada Lovelace', 'avatars/sun.png'],
  ] as const) {
    await expect(viewer.rows).toHaveCount(2)
    const row = viewer.row(other)
    await expect(row).toHaveCount(1)
    await expect(row.locator('[data-part="avatar-image"]')).toHaveAttribute('src', new RegExp(`${picture}$`))
  }

  // The transport picker and the "No server" note pass axe like the rest of the page.
  expect(await axeViolations(ada.page)).toEqual([])

  // Closing the tab posts its leave on pagehide and nothing after it: the other tab drops it after
  // the leave grace, well before its heartbeats (three missed 5 s beats) could run out.
  await grace.page.close({ runBeforeUnload: true })
  await expect(ada.row('Grace Hopper')).toHaveCount(0, { timeout: 5_000 })
  await expect(ada.rows).toHaveCount(1)

  const traffic = tabs.traffic()
  expect(traffic.length, 'the pages loaded something').toBeGreaterThan(0)
  expect(
    traffic.filter((url) => new URL(url).origin !== tabs.siteOrigin),
    'nothing but the demo site was reached',
  ).toEqual([])
})

test('the transport picker moves a page between the server and BroadcastChannel, keeping the address', async ({
  demo,
}) => {
  // Two users in two tabs of one browser, both on the reference server at first.
  const ada = await demo.open(ADA)
  const grace = await demo.openTab(ada, GRACE)
  await expect(ada.serverLink).toHaveAttribute('data-transport', 'server')
  await expect(ada.serverLink).toHaveText('Server: Connected')
  await expect(ada.transportPicker).toHaveValue('server')
  await expect(ada.page.locator('[data-demo="dev-identity"]')).toBeVisible()
  await expect(ada.rows).toHaveCount(2)

  // Ada alone on BroadcastChannel: Grace is still on the server, so each sees only themself.
  await ada.transportPicker.selectOption('broadcast-channel')
  await expect(ada.serverLink).toHaveText('BroadcastChannel: Connected')
  await expect(ada.page.locator('[data-demo="no-server"]')).toBeVisible()
  expect(new URL(ada.page.url()).searchParams.get('transport')).toBe('broadcast-channel')
  await expect(ada.rows).toHaveCount(1)
  await expect(grace.row('Ada Lovelace')).toHaveCount(0)

  // Grace follows: they meet again, through the tabs this time.
  await grace.transportPicker.selectOption('broadcast-channel')
  await expect(grace.serverLink).toHaveText('BroadcastChannel: Connected')
  await expect(ada.row('Grace Hopper')).toHaveCount(1)
  await expect(grace.row('Ada Lovelace')).toHaveCount(1)

  // And back to the server, where the default leaves the address.
  await ada.transportPicker.selectOption('server')
  await expect(ada.serverLink).toHaveText('Server: Connected')
  expect(new URL(ada.page.url()).searchParams.has('transport')).toBe(false)
  await expect(ada.rows).toHaveCount(1)
  await expect(grace.row('Ada Lovelace')).toHaveCount(0)
})
