import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { conn, connectAndSync, setupRoom, useFakeClock } from '../fixtures/setup.js'

beforeEach(() => useFakeClock())
afterEach(() => vi.useRealTimers())

describe('queries', () => {
  it('get, get(userId), isUserPresent and list(chooser)', () => {
    const { room, sink } = setupRoom()
    room.watch()
    connectAndSync(sink(), [conn('ada', 'a1'), conn('ada', 'a2'), conn('grace', 'g1')])
    expect(room.get().count).toBe(2)
    expect(room.get('grace')?.userId).toBe('grace')
    expect(room.get('nobody')).toBeUndefined()
    expect(room.isUserPresent('ada')).toBe(true)
    expect(room.list((m) => `${m.userId}:${m.connections.length}`)).toEqual(['ada:2', 'grace:1'])
    expect(room.list()).toBe(room.get().members)
  })

  it('get(userId) reads the committed state, not input still waiting for its frame', () => {
    const { room, sink } = setupRoom({ batch: 'frame' })
    room.watch()
    connectAndSync(sink(), [conn('ada', 'a1')])
    room.flush()
    const committed = room.get('ada')
    sink().update(conn('ada', 'a1', { data: { name: 'changed' } }))
    sink().join(conn('grace', 'g1'))
    expect(room.get('ada')).toBe(committed)
    expect(room.get('grace')).toBeUndefined()
    room.flush()
    expect(room.get('ada')?.data).toEqual({ name: 'changed' })
    expect(room.get('grace')).toBeDefined()
  })

  it('synced is false until the first snapshot (the loading state)', () => {
    const { room, sink } = setupRoom()
    room.watch()
    expect(room.get().synced).toBe(false)
    sink().status('connected', { connectionId: 'me-1' })
    expect(room.get().synced).toBe(false)
    sink().snapshot([])
    expect(room.get().synced).toBe(true)
  })

  it('client.getUserRooms and onlineUserCount count unique users across rooms', () => {
    const { client, adapter } = setupRoom()
    for (const name of ['a', 'b', 'c']) {
      client.room(name).watch()
      adapter.sink(name).status('connected', { connectionId: `me-${name}` })
    }
    adapter.sink('a').snapshot([conn('ada', 'a1'), conn('grace', 'g1')])
    adapter.sink('b').snapshot([conn('ada', 'a2')])
    adapter.sink('c').snapshot([conn('linus', 'l1'), conn('ada', 'a3')])
    expect(client.getUserRooms('ada')).toEqual(['a', 'b', 'c'])
    expect(client.getUserRooms('grace')).toEqual(['a'])
    expect(client.getUserRooms('nobody')).toEqual([])
    expect(client.onlineUserCount()).toBe(3)
  })

  it('client.room returns one handle per name and rejects bad names', () => {
    const { client } = setupRoom()
    expect(client.room('x')).toBe(client.room('x'))
    expect(() => client.room('')).toThrow(/non-empty string/)
    expect(() => client.room(42 as never)).toThrow(/non-empty string/)
  })
})
