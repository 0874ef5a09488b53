import { expect, test } from '../support/fixtures.js'

// The crowd's pictures are drawn in the page and the page has its own favicon: with a crowd of
// 100,000 on screen, every request goes to the page's own origin or to the presence server.
test('with a 100,000-member crowd the page requests nothing but its own origin and the server', async ({
  demo,
  presence,
}) => {
  const ada = await demo.open({ user: 'ada', name: 'Ada Lovelace' })
  const requests: string[] = []
  // On the context, so requests the fixture's loopback guard then aborts are seen too.
  ada.page.context().on('request', (request) => requests.push(request.url()))
  ada.page.on('websocket', (socket) => requests.push(socket.url()))
  await ada.page.reload()
  await ada.waitForSynced()
  await ada.crowdSize.selectOption('100000')
  await ada.crowdSwitch.click()
  const crowdRows = ada.crowdPanel.locator('[data-part="online-list-row"]')
  await expect(ada.crowdPanel.locator('[data-demo="count"]')).toHaveText(/^100,\d{3} online$/, {
    timeout: 30_000,
  })
  // Scrolling the list brings other rows, and their pictures, into the page.
  await ada.crowdPanel.locator('[data-part="online-list"]').evaluate((list) => list.scrollBy(0, 40_000))
  await expect(crowdRows.first()).toBeVisible()
  await ada.page.waitForLoadState('networkidle')

  const allowed = new Set([new URL(ada.page.url()).origin, new URL(presence.url).origin])
  const leaving = requests.filter((url) => {
    const { protocol, origin } = new URL(url)
    // data: and blob: URLs are read in the page; they are not requests to anyone.
    if (protocol === 'data:' || protocol === 'blob:') return false
    return !allowed.has(origin.replace(/^ws/, 'http'))
  })
  expect(requests.length).toBeGreaterThan(0)
  expect(leaving).toEqual([])
  // The crowd shows pictures all the same: drawn in the page.
  await expect(ada.crowdPanel.locator('img[src^="data:image/png"]').first()).toBeVisible()
})
