import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { conn, connectAndSync, setupRoom, useFakeClock } from '../fixtures/setup.js'

beforeEach(() => useFakeClock())
afterEach(() => vi.useRealTimers())

describe('rule 1: joins, updates and leaves address connections', () => {
  it('groups the connections of one user into one member', () => {
    const { room, sink, eventTypes } = setupRoom({ leaveGraceMs: 0 })
    room.watch()
    connectAndSync(sink(), [conn('ada', 'a1'), conn('ada', 'a2'), conn('grace', 'g1')])
    const state = room.get()
    expect(state.members.map((m) => m.userId)).toEqual(['ada', 'grace'])
    expect(room.get('ada')?.connections.map((c) => c.connectionId)).toEqual(['a1', 'a2'])
    expect(eventTypes()).toEqual(['status', 'join:ada', 'join:grace', 'sync'])
  })

  it('keeps a member while any of their connections remains', () => {
    const { room, sink, eventTypes } = setupRoom({ leaveGraceMs: 0 })
    room.watch()
    connectAndSync(sink(), [conn('ada', 'a1'), conn('ada', 'a2')])
    eventTypes()
    sink().leave({ userId: 'ada', connectionId: 'a1' })
    expect(room.isUserPresent('ada')).toBe(true)
    expect(room.get('ada')?.connections.map((c) => c.connectionId)).toEqual(['a2'])
    expect(eventTypes()).toEqual(['update:ada'])
    sink().leave({ userId: 'ada', connectionId: 'a2' })
    expect(room.isUserPresent('ada')).toBe(false)
    expect(eventTypes()).toEqual(['leave:ada'])
  })

  it("a member's data is the most recently updated connection's data", () => {
    const { room, sink } = setupRoom()
    room.watch()
    connectAndSync(sink(), [conn('ada', 'a1', { data: { tab: 1 } })])
    vi.advanceTimersByTime(10)
    sink().join(conn('ada', 'a2', { data: { tab: 2 } }))
    expect(room.get('ada')?.data).toEqual({ tab: 2 })
    vi.advanceTimersByTime(10)
    sink().update(conn('ada', 'a1', { data: { tab: 1, typing: 'x' } }))
    expect(room.get('ada')?.data).toEqual({ tab: 1, typing: 'x' })
  })

  it("two tabs changing within one millisecond: the member's data is the one that changed last", () => {
    const { room, sink } = setupRoom()
    room.watch()
    connectAndSync(sink(), [conn('ada', 'a1', { data: { tab: 1 } }), conn('ada', 'a2', { data: { tab: 2 } })])
    // The clock does not move: every change below has the same updatedAt.
    sink().update(conn('ada', 'a1', { data: { tab: 1, n: 1 } }))
    expect(room.get('ada')?.data).toEqual({ tab: 1, n: 1 })
    sink().update(conn('ada', 'a2', { data: { tab: 2, n: 2 } }))
    expect(room.get('ada')?.data).toEqual({ tab: 2, n: 2 })
    sink().update(conn('ada', 'a1', { data: { tab: 1, n: 3 } }))
    expect(room.get('ada')?.data).toEqual({ tab: 1, n: 3 })
    // The order holds through a rebuild that changes nothing (a resolved name, an activity tick).
    expect(room.get('ada')?.connections.map((c) => c.connectionId)).toEqual(['a2', 'a1'])
  })

  it('the local user in two tabs is one self member', () => {
    const { room, sink } = setupRoom()
    room.join({ mood: 'ok' })
    connectAndSync(sink(), [conn('me', 'me-2', { data: { mood: 'other tab' } })], 'me-1')
    const state = room.get()
    expect(state.members.filter((m) => m.userId === 'me')).toHaveLength(1)
    expect(state.self?.isSelf).toBe(true)
    expect(state.self?.connections.map((c) => c.connectionId).toSorted()).toEqual(['me-1', 'me-2'])
  })
})

describe('rule 2: an update is one update event', () => {
  it('never emits a leave followed by a join for a changed connection', () => {
    const { room, sink, eventTypes } = setupRoom()
    room.watch()
    connectAndSync(sink(), [conn('ada', 'a1')])
    eventTypes()
    sink().update(conn('ada', 'a1', { data: { name: 'Ada L.' } }))
    expect(eventTypes()).toEqual(['update:ada'])
    expect(room.get('ada')?.data).toEqual({ name: 'Ada L.' })
  })

  it('treats a join of a known connection as an update', () => {
    const { room, sink, eventTypes } = setupRoom()
    room.watch()
    connectAndSync(sink(), [conn('ada', 'a1')])
    eventTypes()
    sink().join(conn('ada', 'a1', { data: { name: 'Ada 2' } }))
    expect(eventTypes()).toEqual(['update:ada'])
  })

  it('treats an update of an unknown connection as a join', () => {
    const { room, sink, eventTypes } = setupRoom()
    room.watch()
    connectAndSync(sink())
    eventTypes()
    sink().update(conn('ada', 'a1'))
    expect(eventTypes()).toEqual(['join:ada'])
  })
})
