import { expect, test } from '../support/example-fixtures.js'

// Run once per example app (the `nextjs` and `nuxt` projects): each is built for production by the
// global setup and served by its framework's own production server.

const ADA = { user: 'ada', name: 'Ada Lovelace' }
const GRACE = { user: 'grace', name: 'Grace Hopper' }

test('the server-rendered HTML holds the loading state', async ({ site }) => {
  const { onlineList, rows, avatars, connectionStatus, page } = await site.openServerHtml(ADA)

  await expect(page.getByRole('heading', { name: 'Lobby' })).toBeVisible()
  await expect(connectionStatus).toHaveText('Connecting…')
  await expect(connectionStatus).toHaveAttribute('data-connection', 'connecting')
  await expect(onlineList).toHaveAttribute('data-state', 'loading')
  await expect(onlineList).toHaveAttribute('aria-busy', 'true')
  await expect(onlineList).toHaveAccessibleName('Online in the lobby')
  await expect(rows).toHaveCount(0)
  await expect(avatars).toHaveCount(0)
})

test('after hydration two people see each other, and the console stays clean', async ({ site }) => {
  const ada = await site.open(ADA)
  const grace = await site.open(GRACE)

  for (const [viewer, other] of [
    [ada, GRACE.name],
    [grace, ADA.name],
  ] as const) {
    await expect(viewer.row(other)).toHaveCount(1)
    await expect(viewer.rows).toHaveCount(2)
    await expect(viewer.avatars).toHaveCount(2)
    await expect(viewer.onlineList).toHaveAttribute('data-state', 'ready')
    // Connected and synced: the badge has nothing to say.
    await expect(viewer.connectionStatus).toHaveAttribute('data-connection', 'connected')
  }
  // Hydration mismatches are logged (React: an uncaught recoverable error; Vue: a console error).
  expect(ada.consoleMessages, 'the first page logged').toEqual([])
  expect(grace.consoleMessages, 'the second page logged').toEqual([])
})

test("the example's server opens no presence connection: the reference server sees only the browser's", async ({
  site,
  presence,
}) => {
  const ada = await site.open(ADA)
  const grace = await site.open(GRACE)
  await expect(ada.row(GRACE.name)).toHaveCount(1)
  await expect(grace.row(ADA.name)).toHaveCount(1)

  // Each page was rendered on the example's server before the browser loaded, hydrated and
  // connected, so a connection made while rendering reached the reference server before the
  // browser's: by now it would be in the list.
  const browserAgent = await ada.page.evaluate(() => navigator.userAgent)
  const siteOrigin = new URL(site.url).origin
  const seen = presence
    .handshakes()
    .map(({ userAgent, origin, userId }) => ({
      from:
        userAgent === browserAgent && origin === siteOrigin
          ? 'the browser'
          : `elsewhere (${userAgent ?? 'no user agent'}, ${origin ?? 'no origin'})`,
      userId,
    }))
    // The two pages connect in either order.
    .toSorted((a, b) => String(a.userId).localeCompare(String(b.userId)) || a.from.localeCompare(b.from))
  expect(seen, 'connections the reference server saw').toEqual([
    { from: 'the browser', userId: ADA.user },
    { from: 'the browser', userId: GRACE.user },
  ])
})
