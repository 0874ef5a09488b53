import { afterEach, describe, expect, it } from 'vitest'
import { createNoLagAdapter } from '../../src/nolag/index.js'
import { eventually, observeRoom, sleep, type ObservedRoom } from '../contract/observe.js'
import { FakeNoLagServer } from './fake-nolag.js'

describe('nolag adapter', () => {
  const rooms: ObservedRoom[] = []
  afterEach(() => {
    for (const room of rooms.splice(0)) room.destroy()
  })

  it('keeps one entry per room in the client-level presence; leaving one room keeps the other', async () => {
    const server = new FakeNoLagServer()
    const watcher = createNoLagAdapter({ connectOnServer: true, client: server.connect('grace-actor') })
    const lobby = observeRoom(watcher, 'grace', 'lobby')
    const kitchen = observeRoom(watcher, 'grace', 'kitchen')
    const adaClient = server.connect('ada-actor')
    const ada = createNoLagAdapter({ connectOnServer: true, client: adaClient })
    const adaLobby = observeRoom(ada, 'ada', 'lobby')
    const adaKitchen = observeRoom(ada, 'ada', 'kitchen')
    rooms.push(lobby, kitchen, adaLobby, adaKitchen)
    lobby.room.watch()
    kitchen.room.watch()
    adaLobby.room.join({ where: 'lobby' })
    adaKitchen.room.join({ where: 'kitchen' })
    await eventually(() => expect(lobby.room.get('ada')?.data).toEqual({ where: 'lobby' }))
    await eventually(() => expect(kitchen.room.get('ada')?.data).toEqual({ where: 'kitchen' }))
    expect(Object.keys((adaClient.presence as { rooms: object }).rooms).toSorted()).toEqual([
      'kitchen',
      'lobby',
    ])

    adaKitchen.room.leave()
    await eventually(() => expect(kitchen.room.isUserPresent('ada')).toBe(false))
    await sleep(50)
    expect(lobby.room.get('ada')?.data).toEqual({ where: 'lobby' })
  })

  it('shows an actor without the kit in every room, its presence as data', async () => {
    const server = new FakeNoLagServer()
    const me = observeRoom(
      createNoLagAdapter({ connectOnServer: true, client: server.connect('me-actor') }),
      'me',
      'lobby',
    )
    rooms.push(me)
    me.room.watch()
    server.connect('alice-actor').setPresence({ username: 'Alice', status: 'online' })
    await eventually(() => expect(me.room.isUserPresent('alice-actor')).toBe(true))
    expect(me.room.get('alice-actor')?.data).toEqual({ username: 'Alice', status: 'online' })
    expect(me.room.get('alice-actor')?.info?.name).toBe('Alice')
  })
})
