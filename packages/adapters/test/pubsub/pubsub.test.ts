import { afterEach, describe, expect, it } from 'vitest'
import { createPubSubAdapter } from '../../src/pubsub/index.js'
import { eventually, observeRoom, type ObservedRoom } from '../contract/observe.js'
import { FakePubSubServer } from './fake-pubsub.js'

describe('pubsub adapter', () => {
  const rooms: ObservedRoom[] = []
  afterEach(() => {
    for (const room of rooms.splice(0)) room.destroy()
  })

  async function watching(server: FakePubSubServer): Promise<ObservedRoom> {
    const observed = observeRoom(
      createPubSubAdapter({ connectOnServer: true, client: server.connect('me'), gatherMs: 30 }),
      'me',
      'lobby',
    )
    rooms.push(observed)
    observed.room.watch()
    await eventually(() => expect(observed.room.get().synced).toBe(true))
    return observed
  }

  it('shows a client without the kit with no data, once it has had time to send some', async () => {
    const server = new FakePubSubServer()
    const me = await watching(server)
    await server.connect('plain-sdk-client').subscribe('lobby', () => {})
    await eventually(() => expect(me.room.isUserPresent('plain-sdk-client')).toBe(true))
    expect(me.room.get('plain-sdk-client')?.data).toEqual({})
    expect(me.about('plain-sdk-client')).toEqual(['join'])
  })

  it('takes the subscribers list of a packet as the whole roster', async () => {
    const server = new FakePubSubServer()
    const me = await watching(server)
    await server.connect('ada').subscribe('lobby', () => {})
    await eventually(() => expect(me.room.isUserPresent('ada')).toBe(true))
    // A packet whose list no longer names ada (her offline packet was lost).
    server.inject('lobby', {
      clientId: 'grace',
      topic: 'lobby',
      status: 'online',
      timestamp: 9_999,
      subscribers: ['grace'],
    })
    // Gone once the leave grace has passed, however long the machine takes to get there.
    await eventually(() => expect(me.room.isUserPresent('ada')).toBe(false))
    expect(me.room.isUserPresent('grace')).toBe(true)
  })
})
