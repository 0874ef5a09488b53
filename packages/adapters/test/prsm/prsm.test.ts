import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { eventually, observeRoom, TIMINGS, type ObservedRoom } from '../contract/observe.js'
import { startRedis, type LocalRedis } from '../support/redis.js'
import { startPrsmBackend, TYPING_EXPIRE_MS } from './prsm-backend.js'

describe('prsm adapter on a real @prsm/realtime server and Redis', { timeout: 20_000 }, () => {
  let redis: LocalRedis
  let backend: Awaited<ReturnType<typeof startPrsmBackend>> | undefined
  const rooms: ObservedRoom[] = []
  beforeAll(async () => {
    redis = await startRedis()
  })
  afterEach(async () => {
    for (const room of rooms.splice(0)) room.destroy()
    await backend?.close()
    backend = undefined
  })
  afterAll(async () => {
    await redis?.stop()
  })

  it('sends typing as presence state with expireAfter, and an expired state keeps the data', async () => {
    backend = await startPrsmBackend(redis)
    // The watcher's own typing deadline is far off, so only the server's expiry can end a typer.
    const grace = observeRoom(await backend.createAdapter('grace'), 'grace', 'lobby', {
      typing: { ...TIMINGS.typing, ttlMs: 60_000 },
    })
    const ada = observeRoom(await backend.createAdapter('ada'), 'ada', 'lobby')
    rooms.push(grace, ada)
    grace.room.watch()
    ada.room.join({ mood: 'writing' })
    await eventually(() => expect(grace.room.get('ada')?.data).toEqual({ mood: 'writing' }))
    const adaConnection = grace.room.get('ada')!.connections[0]!.connectionId
    ada.room.startTyping()
    await eventually(() => expect(grace.room.get().typing.map((m) => m.userId)).toEqual(['ada']))
    expect(await backend.server.presenceManager.getPresenceState(adaConnection, 'lobby')).toMatchObject({
      userId: 'ada',
      typing: true,
      data: { mood: 'writing' },
    })

    // A typer that vanishes mid-word: its state expires on the server (Redis), nobody clears it.
    const linus = await backend.createPeer('lobby', 'linus')
    await linus.join({ mood: 'hacking' })
    await eventually(() => expect(grace.room.get('linus')?.data).toEqual({ mood: 'hacking' }))
    await linus.typing(true)
    await eventually(() => expect(grace.room.get().typing.map((m) => m.userId)).toContain('linus'))
    const linusConnection = grace.room.get('linus')!.connections[0]!.connectionId
    await eventually(async () => {
      expect(await backend!.server.presenceManager.getPresenceState(linusConnection, 'lobby')).toBeNull()
    }, TYPING_EXPIRE_MS * 6)
    // Redis tells the server, the server tells the adapter: that takes what it takes on a busy machine.
    await eventually(() => expect(grace.room.get().typing.map((m) => m.userId)).not.toContain('linus'))
    expect(grace.room.get('linus')?.data).toEqual({ mood: 'hacking' })
  })
})
