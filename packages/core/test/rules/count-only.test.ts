import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { conn, connectAndSync, setupRoom, useFakeClock } from '../fixtures/setup.js'

beforeEach(() => useFakeClock())
afterEach(() => vi.useRealTimers())

describe('count-only rooms: the count replaces the roster', () => {
  it('starts listed, and a count makes the room synced in count mode with no members', () => {
    const { room, sink, eventTypes } = setupRoom()
    room.watch()
    expect(room.get().mode).toBe('list')
    sink().status('connected', { connectionId: 'me-1' })
    expect(room.get().synced).toBe(false)
    sink().count!(4_812)
    const state = room.get()
    expect(state.mode).toBe('count')
    expect(state.count).toBe(4_812)
    expect(state.members).toEqual([])
    expect(state.synced).toBe(true)
    expect(state.stale).toBe(false)
    expect(eventTypes()).toEqual(['status', 'sync'])
  })

  it('follows each count, and a repeated count commits nothing', () => {
    const { room, sink, takeEvents } = setupRoom()
    room.watch()
    sink().status('connected')
    sink().count!(10)
    sink().count!(12)
    expect(room.get().count).toBe(12)
    const state = room.get()
    takeEvents()
    sink().count!(12)
    expect(room.get()).toBe(state)
    expect(takeEvents()).toEqual([])
  })

  it('drops a listed roster without leave events when the room turns count-only: no ghosts', () => {
    const { room, sink, eventTypes } = setupRoom({ offlineRetentionMs: 60_000 })
    room.join({})
    connectAndSync(sink(), [conn('ada', 'a1'), conn('grace', 'g1'), conn('me', 'me-1')])
    sink().leave({ userId: 'grace', connectionId: 'g1' })
    vi.advanceTimersByTime(60_000)
    expect(room.get().recentlyLeft.map((m) => m.userId)).toEqual(['grace'])
    eventTypes()
    sink().status('reconnecting')
    sink().status('connected', { connectionId: 'me-2' })
    sink().count!(3)
    const state = room.get()
    expect(state.mode).toBe('count')
    expect(state.members).toEqual([])
    expect(state.recentlyLeft).toEqual([])
    expect(state.count).toBe(3)
    expect(room.isUserPresent('ada')).toBe(false)
    expect(eventTypes().filter((type) => type.startsWith('leave'))).toEqual([])
    // Grace deadlines of the dropped roster bring nobody back.
    vi.advanceTimersByTime(120_000)
    expect(room.get().members).toEqual([])
    expect(room.get().count).toBe(3)
  })

  it('ignores joins, updates and leaves while counting: they cannot make a roster', () => {
    const { room, sink } = setupRoom()
    room.watch()
    sink().status('connected')
    sink().count!(2)
    sink().join(conn('ada', 'a1'))
    sink().update(conn('ada', 'a1', { data: { n: 2 } }))
    expect(room.get().members).toEqual([])
    expect(room.get().count).toBe(2)
    expect(room.isUserPresent('ada')).toBe(false)
    // Nothing is kept behind the count either, to turn up if the room is listed again.
    expect(room.remembers('ada')).toBe(false)
  })

  it('keeps the local user as self, outside the (empty) member list, and the server’s count', () => {
    const { room, sink } = setupRoom()
    room.join({ mood: 'here' })
    sink().status('connected', { connectionId: 'me-1' })
    sink().count!(7)
    expect(room.get().self?.data).toEqual({ mood: 'here' })
    expect(room.get().joined).toBe(true)
    expect(room.get().members).toEqual([])
    expect(room.get().count).toBe(7)
  })

  it('keeps the last count, stale, while reconnecting, and the next count ends it', () => {
    const { room, sink, eventTypes } = setupRoom()
    room.watch()
    sink().status('connected')
    sink().count!(50)
    eventTypes()
    sink().status('reconnecting')
    expect(room.get()).toMatchObject({ mode: 'count', count: 50, stale: true, synced: true })
    sink().status('connected')
    expect(room.get().stale).toBe(true)
    sink().count!(51)
    expect(room.get()).toMatchObject({ mode: 'count', count: 51, stale: false })
    expect(eventTypes()).toEqual(['status', 'status', 'sync'])
  })

  it('goes back to the list when a snapshot arrives, with the snapshot’s members', () => {
    const { room, sink } = setupRoom()
    room.watch()
    sink().status('connected')
    sink().count!(99)
    sink().status('reconnecting')
    connectAndSync(sink(), [conn('ada', 'a1')], 'me-2')
    expect(room.get().mode).toBe('list')
    expect(room.get().count).toBe(1)
    expect(room.get().members.map((m) => m.userId)).toEqual(['ada'])
  })

  it('forgets the mode when the room is closed', () => {
    const { room, sink } = setupRoom()
    const release = room.watch()
    sink().status('connected')
    sink().count!(5)
    release()
    return Promise.resolve().then(() => {
      expect(room.get()).toMatchObject({ mode: 'list', count: 0, synced: false })
    })
  })

  it('reports a count that is not a whole number as a typed error and keeps the last one', () => {
    const { room, sink, events } = setupRoom()
    room.watch()
    sink().status('connected')
    sink().count!(8)
    for (const bad of [-1, 1.5, Number.NaN, '9', null, 2 ** 31]) sink().count!(bad as number)
    expect(room.get().count).toBe(8)
    expect(room.get().mode).toBe('count')
    const errors = events.filter((e) => e.type === 'error')
    expect(errors).toHaveLength(6)
    expect(room.get().lastError?.code).toBe('invalid-input')
  })
})

describe('count-only rooms: typing still works', () => {
  it('shows typers without a roster, by stand-in members, and drops them on stop or expiry', () => {
    const { room, sink } = setupRoom({ typing: { ttlMs: 5_000 } })
    room.watch()
    sink().status('connected')
    sink().count!(300)
    sink().typing({ userId: 'ada', connectionId: 'a1', typing: true })
    sink().typing({ userId: 'grace', connectionId: 'g1', typing: true })
    const typing = room.get().typing
    expect(typing.map((m) => m.userId)).toEqual(['ada', 'grace'])
    expect(typing[0]).toMatchObject({ userId: 'ada', isSelf: false, status: 'active', connections: [] })
    // A repeated signal keeps the same objects.
    sink().typing({ userId: 'ada', connectionId: 'a1', typing: true })
    expect(room.get().typing).toBe(typing)
    sink().typing({ userId: 'ada', connectionId: 'a1', typing: false })
    expect(room.get().typing.map((m) => m.userId)).toEqual(['grace'])
    expect(room.get().typing[0]).toBe(typing[1])
    vi.advanceTimersByTime(5_000)
    expect(room.get().typing).toEqual([])
    expect(room.get().members).toEqual([])
  })

  it('names a typer from resolved user info', async () => {
    vi.useRealTimers()
    const { room, sink } = setupRoom({
      resolveUser: async (userId: string) => ({ id: userId, name: `Resolved ${userId}` }),
    })
    room.watch()
    sink().status('connected')
    sink().count!(300)
    sink().typing({ userId: 'ada', connectionId: 'a1', typing: true })
    await vi.waitFor(() => expect(room.get().typing[0]?.info?.name).toBe('Resolved ada'))
  })

  it('lets the local user signal typing in a count-only room', () => {
    const { room, sink, adapter } = setupRoom()
    room.join({})
    sink().status('connected', { connectionId: 'me-1' })
    sink().count!(2)
    room.startTyping()
    expect(adapter.callsOf('typing')).toEqual([{ room: 'lobby', method: 'typing', typing: true }])
  })
})
