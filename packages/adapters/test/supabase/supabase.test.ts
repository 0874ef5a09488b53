import { afterEach, describe, expect, it } from 'vitest'
import { eventually, observeRoom, sleep, type ObservedRoom } from '../contract/observe.js'
import { startSupabaseBackend, topicOf } from './supabase-backend.js'

type Backend = Awaited<ReturnType<typeof startSupabaseBackend>>

describe('supabase adapter', { timeout: 15_000 }, () => {
  let backend: Backend | undefined
  const rooms: ObservedRoom[] = []
  afterEach(async () => {
    for (const room of rooms.splice(0)) room.destroy()
    await backend?.close()
    backend = undefined
  })

  async function open(userId: string): Promise<ObservedRoom> {
    backend ??= await startSupabaseBackend()
    const observed = observeRoom(await backend.createAdapter(userId), userId, 'lobby')
    rooms.push(observed)
    return observed
  }

  const tracks = (b: Backend) =>
    b.server.received.filter(
      (m) => m.event === 'presence' && (m.payload as { event?: string }).event === 'track',
    )

  it('joins with the user id as presence key, so the tabs of a user are one key', async () => {
    const ada = await open('ada')
    ada.room.join({})
    await eventually(() => expect(ada.room.get().synced).toBe(true))
    const join = backend!.server.received.find((m) => m.event === 'phx_join' && m.topic === topicOf('lobby'))
    expect(join?.payload).toMatchObject({ config: { presence: { key: 'ada', enabled: true } } })
  })

  it('sends typing as a broadcast and never through track', async () => {
    const grace = await open('grace')
    grace.room.watch()
    const ada = await open('ada')
    ada.room.join({ mood: 'hi' })
    await eventually(() => expect(grace.room.isUserPresent('ada')).toBe(true))
    await sleep(50)
    const before = tracks(backend!).length
    ada.room.startTyping()
    await eventually(() => expect(grace.room.get().typing.map((m) => m.userId)).toEqual(['ada']))
    ada.room.stopTyping()
    await eventually(() => expect(grace.room.get().typing).toEqual([]))
    expect(tracks(backend!).length).toBe(before)
  })

  it('resyncs to the server roster after realtime-js rewrote its own presence state', async () => {
    const grace = await open('grace')
    grace.room.watch()
    await eventually(() => expect(grace.room.get().synced).toBe(true))
    const phone = await backend!.createPeer('lobby', 'ada')
    const laptop = await backend!.createPeer('lobby', 'ada')
    await phone.join({ device: 'phone' })
    await laptop.join({ device: 'laptop' })
    // An update of a key with two presences: realtime-js strips `phx_ref` from both in its state.
    await phone.update({ device: 'phone', mood: 'busy' })
    const devices = () => grace.room.get('ada')?.connections.map((c) => c.data)
    await eventually(() =>
      expect(devices()).toEqual(
        expect.arrayContaining([{ device: 'phone', mood: 'busy' }, { device: 'laptop' }]),
      ),
    )
    expect(devices()).toHaveLength(2)

    await backend!.dropLink(grace.adapter)
    await eventually(() => expect(grace.room.get().status).toBe('reconnecting'))
    await phone.leave()
    await laptop.update({ device: 'laptop', mood: 'back' })
    await backend!.restoreLink(grace.adapter)
    await eventually(() => expect(grace.room.get().synced && !grace.room.get().stale).toBe(true))
    await sleep(200)
    // Exactly what the server holds: the phone is gone, the laptop has its new data.
    expect(devices()).toEqual([{ device: 'laptop', mood: 'back' }])
    // The dropped link is reported; nothing realtime-js handed over was unreadable.
    const codes = grace.events.flatMap((e) => (e.type === 'error' ? [e.error.code] : []))
    expect(codes.filter((code) => code !== 'adapter-error')).toEqual([])
  })
})
