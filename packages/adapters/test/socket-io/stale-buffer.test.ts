import { createPresenceServer, createPresenceToken, type PresenceServer } from '@presence-kit/server'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createSocketIoAdapter } from '../../src/socket-io/index.js'
import { eventually, observeRoom, sleep, type ObservedRoom } from '../contract/observe.js'

const SECRET = 'stale-buffer-test-secret-of-enough-length'
/** Short heartbeats, so a second without a turn of the event loop outlives them. */
const PING_MS = 150

/** Holds the event loop, as a starved process does: no timer, no socket is served meanwhile. */
function starve(ms: number): void {
  const until = Date.now() + ms
  while (Date.now() < until) {
    // busy
  }
}

const errorsOf = (observed: ObservedRoom) =>
  observed.events.flatMap((event) =>
    event.type === 'error'
      ? [`${event.error.code} (${(event.error.detail as { code?: string })?.code})`]
      : [],
  )

describe('the socket-io adapter after its heartbeat expired', () => {
  let server: PresenceServer
  let url: string
  const cleanups: (() => void)[] = []

  beforeEach(async () => {
    server = createPresenceServer({
      secret: SECRET,
      logger: 'silent',
      pingIntervalMs: PING_MS,
      pingTimeoutMs: PING_MS,
    })
    const { port } = await server.listen(0, '127.0.0.1')
    url = `http://127.0.0.1:${port}`
  })
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) cleanup()
    await server.close()
  })

  // socket.io-client holds what is emitted once the heartbeat is overdue (the socket still says
  // connected) and sends it first on the next connection, before the adapter has watched and
  // joined there: the server refused such an update as `not-joined` (seen in the big-room bench).
  it('sends nothing held from the dead connection ahead of its join on the next one', async () => {
    const adapter = createSocketIoAdapter({
      url,
      token: createPresenceToken({ userId: 'ada' }, SECRET),
      connectOnServer: true,
      socketOptions: { forceNew: true, reconnectionDelay: 30, reconnectionDelayMax: 60 },
    })
    const ada = observeRoom(adapter, 'ada', 'lobby')
    cleanups.push(
      () => ada.destroy(),
      () => adapter.destroy?.(),
    )
    ada.room.join({ mood: 'calm' })
    await eventually(() =>
      expect(server.connections('lobby').map((each) => each.data)).toEqual([{ mood: 'calm' }]),
    )
    const firstConnection = adapter.socket.id

    starve(PING_MS * 5)
    expect(adapter.socket.connected).toBe(true)
    ada.room.update({ mood: 'busy' })

    await eventually(() => {
      const connections = server.connections('lobby')
      expect(connections.map((each) => each.data)).toEqual([{ mood: 'busy' }])
      expect(connections[0]?.connectionId).not.toBe(firstConnection)
    })
    // Long enough for the server's answer to a refused message to have come back.
    await sleep(PING_MS)
    expect(errorsOf(ada)).toEqual([])
    expect(ada.names()).toContain('status:reconnecting')
  })
})
