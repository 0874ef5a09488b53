import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { conn, connectAndSync, setupRoom, useFakeClock } from '../fixtures/setup.js'

beforeEach(() => useFakeClock())
afterEach(() => vi.useRealTimers())

describe('rule 7: leave grace', () => {
  it('keeps a user present for leaveGraceMs after their last connection leaves', () => {
    const { room, sink, eventTypes } = setupRoom({ leaveGraceMs: 3_000 })
    room.watch()
    connectAndSync(sink(), [conn('ada', 'a1')])
    eventTypes()
    sink().leave({ userId: 'ada', connectionId: 'a1' })
    vi.advanceTimersByTime(2_999)
    expect(room.isUserPresent('ada')).toBe(true)
    expect(eventTypes()).toEqual([])
    vi.advanceTimersByTime(1)
    expect(room.isUserPresent('ada')).toBe(false)
    expect(eventTypes()).toEqual(['leave:ada'])
  })

  it('a connection back within the grace emits neither leave nor join', () => {
    const { room, sink, eventTypes } = setupRoom({ leaveGraceMs: 3_000 })
    room.watch()
    connectAndSync(sink(), [conn('ada', 'a1')])
    eventTypes()
    sink().leave({ userId: 'ada', connectionId: 'a1' })
    vi.advanceTimersByTime(2_000)
    sink().join(conn('ada', 'a2'))
    vi.advanceTimersByTime(10_000)
    // Neither a leave nor a join; the member's connection did change, which is an update.
    expect(eventTypes()).toEqual(['update:ada'])
    expect(room.get('ada')?.connections.map((c) => c.connectionId)).toEqual(['a2'])
  })

  it('keeps the member who left in recentlyLeft for offlineRetentionMs, then forgets them', () => {
    const { room, sink } = setupRoom({ leaveGraceMs: 0, offlineRetentionMs: 60_000 })
    room.watch()
    connectAndSync(sink(), [conn('ada', 'a1')])
    sink().leave({ userId: 'ada', connectionId: 'a1' })
    const [left] = room.get().recentlyLeft
    expect(left?.userId).toBe('ada')
    expect(left?.status).toBe('offline')
    expect(left?.leftAt).toBe(Date.now())
    vi.advanceTimersByTime(60_000)
    expect(room.get().recentlyLeft).toEqual([])
  })

  it('a user who comes back is taken out of recentlyLeft', () => {
    const { room, sink } = setupRoom({ leaveGraceMs: 0 })
    room.watch()
    connectAndSync(sink(), [conn('ada', 'a1')])
    sink().leave({ userId: 'ada', connectionId: 'a1' })
    sink().join(conn('ada', 'a2'))
    expect(room.get().recentlyLeft).toEqual([])
    expect(room.get().members.map((m) => m.userId)).toEqual(['ada'])
  })
})

describe('leave events', () => {
  it('carry the offline member and the object that stood in the roster', () => {
    const { room, sink, takeEvents } = setupRoom({ leaveGraceMs: 0 })
    room.watch()
    connectAndSync(sink(), [conn('ada', 'a1')])
    const before = room.get('ada')
    takeEvents()
    sink().leave({ userId: 'ada', connectionId: 'a1' })
    const [event] = takeEvents()
    expect(event?.type).toBe('leave')
    if (event?.type !== 'leave') return
    expect(event.previous).toBe(before)
    expect(event.member.status).toBe('offline')
    expect(event.member.userId).toBe('ada')
  })
})
