import { afterEach, describe, expect, it } from 'vitest'
import { createAblyChatAdapter } from '../../src/ably-chat/index.js'
import { eventually, observeRoom, sleep, type ObservedRoom } from '../contract/observe.js'
import { FakeChatService } from './fake-chat.js'

const member = (data: object, at: number) => ({
  clientId: 'ada',
  connectionId: 'c9',
  data,
  encoding: '',
  extras: undefined,
  updatedAt: new Date(at),
})

describe('ably-chat adapter', () => {
  const rooms: ObservedRoom[] = []
  afterEach(() => {
    for (const room of rooms.splice(0)) room.destroy()
  })

  it('drops a presence event older than the one it has (by updatedAt)', async () => {
    const service = new FakeChatService()
    const me = observeRoom(
      createAblyChatAdapter({ connectOnServer: true, client: service.client('me') }),
      'me',
      'lobby',
    )
    rooms.push(me)
    me.room.watch()
    await eventually(() => expect(me.room.get().synced).toBe(true))
    service.deliver('lobby', { type: 'enter', member: member({ v: 1 }, 1_000) })
    service.deliver('lobby', { type: 'update', member: member({ v: 3 }, 3_000) })
    service.deliver('lobby', { type: 'update', member: member({ v: 2 }, 2_000) })
    service.deliver('lobby', { type: 'leave', member: member({}, 2_500) })
    await sleep(100)
    expect(me.room.get('ada')?.data).toEqual({ v: 3 })
    expect(me.about('ada')).toEqual(['join', 'update'])
  })

  it('keeps a typer shown between Chat heartbeats, and clears them when Chat stops them', async () => {
    const service = new FakeChatService(1_500)
    const me = observeRoom(
      createAblyChatAdapter({ connectOnServer: true, client: service.client('me'), typingRefreshMs: 200 }),
      'me',
      'lobby',
    )
    rooms.push(me)
    me.room.watch()
    await eventually(() => expect(me.room.get().synced).toBe(true))
    const ada = await service.client('ada').rooms.get('lobby')
    await ada.attach()
    await ada.presence.enter({})
    await ada.typing.keystroke()
    await eventually(() => expect(me.room.get().typing.map((m) => m.userId)).toEqual(['ada']))
    // Longer than the store's typing TTL (700 ms here): Chat still lists her, so she stays.
    await sleep(1_000)
    expect(me.room.get().typing.map((m) => m.userId)).toEqual(['ada'])
    await ada.typing.stop()
    await eventually(() => expect(me.room.get().typing).toEqual([]))
  })
})
