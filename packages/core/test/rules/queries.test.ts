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

  it('get(userId) stays on the committed state through many changes of one user in a batch', () => {
    const { room, sink } = setupRoom({ batch: 'frame', leaveGraceMs: 0, offlineRetentionMs: 0 })
    room.watch()
    connectAndSync(sink(), [conn('ada', 'a1'), conn('grace', 'g1')])
    room.flush()
    const ada = room.get('ada')
    const grace = room.get('grace')
    sink().update(conn('ada', 'a1', { data: { name: 'first' } }))
    expect(room.get('ada')).toBe(ada)
    // Changes after a lookup in the same batch must not leak into the committed view either.
    sink().update(conn('ada', 'a1', { data: { name: 'second' } }))
    sink().leave({ userId: 'grace', connectionId: 'g1' })
    sink().join(conn('linus', 'l1'))
    expect(room.get('ada')).toBe(ada)
    expect(room.get('grace')).toBe(grace)
    expect(room.get('linus')).toBeUndefined()
    room.flush()
    expect(room.get('ada')?.data).toEqual({ name: 'second' })
    expect(room.get('grace')).toBeUndefined()
    expect(room.get('linus')).toBeDefined()
  })

  it('get(userId) keeps answering from the committed roster after the room is closed, until it commits', () => {
    const { room, sink } = setupRoom({ batch: 'frame' })
    const release = room.watch()
    connectAndSync(sink(), [conn('ada', 'a1')])
    room.flush()
    const ada = room.get('ada')
    release()
    return Promise.resolve().then(() => {
      expect(room.get('ada')).toBe(ada)
      room.flush()
      expect(room.get('ada')).toBeUndefined()
      expect(room.get().members).toEqual([])
    })
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
    expect(() => client.room('')).toThrow(/room name is a string with a non-space character.*got ""/)
    // The same rule as the hooks and components: white space alone is no name.
    expect(() => client.room('   ')).toThrow(/got "   "/)
    expect(() => client.room('x'.repeat(257))).toThrow(/got a string of 257 characters/)
    expect(() => client.room(42 as never)).toThrow(/got number/)
    expect(client.room(' x ').name).toBe(' x ')
  })
})
