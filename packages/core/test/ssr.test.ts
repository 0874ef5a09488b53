import { afterEach, describe, expect, it, vi } from 'vitest'

/**
 * Importing and using the core on a server must not touch browser globals: a page rendered on the
 * server imports it before any `window` exists.
 */
describe('server-side safety', () => {
  afterEach(() => {
    for (const name of ['window', 'document', 'requestAnimationFrame']) {
      delete (globalThis as Record<string, unknown>)[name]
    }
  })

  it('imports and runs a client without reading window, document or requestAnimationFrame', async () => {
    const touched: string[] = []
    for (const name of ['window', 'document', 'requestAnimationFrame']) {
      Object.defineProperty(globalThis, name, {
        configurable: true,
        get() {
          touched.push(name)
          return undefined
        },
      })
    }
    vi.resetModules()
    const core = await import('../src/index.js')
    const dom = await import('../src/dom.js')
    const ui = await import('../src/ui/index.js')
    const testing = await import('../src/testing/index.js')
    const { bigRoomRoster } = await import('../src/big-rooms/index.js')
    const hub = testing.createMemoryHub()
    const client = core.createPresenceClient({ adapter: hub.adapter(), user: { id: 'ssr' }, batch: 'sync' })
    client.room('lobby').join({ rendered: 'on the server' })
    expect(client.room('lobby').get().count).toBe(1)
    const big = core.createPresenceClient({
      adapter: hub.adapter(),
      user: { id: 'ssr-big' },
      batch: 'sync',
      roster: bigRoomRoster,
    })
    big.room('lobby').watch()
    expect(
      big
        .room('lobby')
        .get()
        .members.map((member) => member.userId),
    ).toEqual(['ssr'])
    big.destroy()
    expect(ui.getTypingSentence([])).toBe('')
    // Without an explicit window it looks one up (and finds none): a server render is a no-op.
    touched.length = 0
    dom.watchDomActivity(client)()
    expect(touched).toEqual(['window'])
    touched.length = 0
    client.destroy()
    // The frame scheduler may look for requestAnimationFrame when asked to batch by frame, which
    // this client did not; nothing else may look at all.
    expect(touched).toEqual([])
  })
})
