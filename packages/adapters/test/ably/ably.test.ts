import { afterEach, describe, expect, it } from 'vitest'
import { createAblyAdapter, isNewer } from '../../src/ably/index.js'
import { eventually, observeRoom, sleep, type ObservedRoom } from '../contract/observe.js'
import { FakeAblyService } from './fake-ably.js'

const message = (over: Record<string, unknown>) => ({
  action: 'update',
  clientId: 'ada',
  connectionId: 'c1',
  encoding: '',
  extras: undefined,
  ...over,
})

describe('ably presence newness', () => {
  it('orders messages of one connection by msgSerial, then index', () => {
    expect(
      isNewer(
        { id: 'c1:5:0', connectionId: 'c1', timestamp: 1 },
        { id: 'c1:4:9', connectionId: 'c1', timestamp: 9 },
      ),
    ).toBe(true)
    expect(
      isNewer(
        { id: 'c1:4:0', connectionId: 'c1', timestamp: 9 },
        { id: 'c1:5:0', connectionId: 'c1', timestamp: 1 },
      ),
    ).toBe(false)
    expect(
      isNewer(
        { id: 'c1:5:2', connectionId: 'c1', timestamp: 1 },
        { id: 'c1:5:1', connectionId: 'c1', timestamp: 1 },
      ),
    ).toBe(true)
  })

  it('compares a leave the server made by timestamp', () => {
    const entered = { id: 'c1:5:0', connectionId: 'c1', timestamp: 100 }
    expect(isNewer({ id: 'srv:1:0', connectionId: 'c1', timestamp: 90 }, entered)).toBe(false)
    expect(isNewer({ id: 'srv:1:0', connectionId: 'c1', timestamp: 110 }, entered)).toBe(true)
  })
})

describe('ably adapter', () => {
  const rooms: ObservedRoom[] = []
  afterEach(() => {
    for (const room of rooms.splice(0)) room.destroy()
  })

  async function watching(service: FakeAblyService): Promise<ObservedRoom> {
    const observed = observeRoom(
      createAblyAdapter({ connectOnServer: true, client: service.client('me') }),
      'me',
      'lobby',
    )
    rooms.push(observed)
    observed.room.watch()
    await eventually(() => expect(observed.room.get().synced).toBe(true))
    return observed
  }

  it('drops a message older than the one it has, and a server-made leave older than a re-enter', async () => {
    const service = new FakeAblyService()
    const me = await watching(service)
    service.deliverPresence(
      'presence:lobby',
      message({ action: 'enter', id: 'c1:1:0', timestamp: 100, data: { v: 1 } }),
    )
    service.deliverPresence('presence:lobby', message({ id: 'c1:3:0', timestamp: 300, data: { v: 3 } }))
    service.deliverPresence('presence:lobby', message({ id: 'c1:2:0', timestamp: 200, data: { v: 2 } }))
    await eventually(() => expect(me.room.get('ada')?.data).toEqual({ v: 3 }))
    service.deliverPresence(
      'presence:lobby',
      message({ action: 'leave', id: 'srv:9:0', timestamp: 250, data: {} }),
    )
    await sleep(200)
    expect(me.room.get('ada')?.data).toEqual({ v: 3 })
    expect(me.about('ada')).toEqual(['join', 'update'])
    service.deliverPresence(
      'presence:lobby',
      message({ action: 'leave', id: 'srv:10:0', timestamp: 400, data: {} }),
    )
    await eventually(() => expect(me.room.isUserPresent('ada')).toBe(false))
    expect(me.about('ada')).toEqual(['join', 'update', 'leave'])
  })

  it('enters with the kit shape and sees a second connection of one client id as the same member', async () => {
    const service = new FakeAblyService()
    const me = await watching(service)
    const tab = observeRoom(
      createAblyAdapter({ connectOnServer: true, client: service.client('ada') }),
      'ada',
      'lobby',
    )
    rooms.push(tab)
    tab.room.join({ mood: 'hi' })
    const phone = service.client('ada').channels.get('presence:lobby')
    await phone.presence.enter({ device: 'phone' })
    await eventually(() => expect(me.room.get('ada')?.connections).toHaveLength(2))
    const data = me.room.get('ada')!.connections.map((c) => c.data)
    expect(data).toEqual(expect.arrayContaining([{ mood: 'hi' }, { device: 'phone' }]))
    expect(me.room.get().count).toBe(1)
  })
})
