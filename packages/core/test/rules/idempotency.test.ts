import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { conn, connectAndSync, setupRoom, useFakeClock } from '../fixtures/setup.js'

beforeEach(() => useFakeClock())
afterEach(() => vi.useRealTimers())

describe('rule 4: applying the same input twice changes nothing', () => {
  it('the same snapshot twice emits only the second sync and keeps every object', () => {
    const { room, sink, eventTypes } = setupRoom()
    room.watch()
    const roster = [conn('ada', 'a1', { version: 1 }), conn('grace', 'g1', { version: 1 })]
    connectAndSync(sink(), roster)
    const before = room.get()
    eventTypes()
    sink().snapshot(roster.map((c) => ({ ...c, data: { ...c.data } })))
    expect(eventTypes()).toEqual(['sync'])
    expect(room.get().members).toBe(before.members)
  })

  it('the same update twice emits one update', () => {
    const { room, sink, eventTypes } = setupRoom()
    room.watch()
    connectAndSync(sink(), [conn('ada', 'a1')])
    eventTypes()
    sink().update(conn('ada', 'a1', { data: { name: 'x' } }))
    sink().update(conn('ada', 'a1', { data: { name: 'x' } }))
    expect(eventTypes()).toEqual(['update:ada'])
  })

  it('the same versioned join twice emits one join', () => {
    const { room, sink, eventTypes } = setupRoom()
    room.watch()
    connectAndSync(sink())
    eventTypes()
    sink().join(conn('ada', 'a1', { version: 3 }))
    sink().join(conn('ada', 'a1', { version: 3 }))
    expect(eventTypes()).toEqual(['join:ada'])
  })

  it('the same leave twice emits one leave', () => {
    const { room, sink, eventTypes } = setupRoom({ leaveGraceMs: 0 })
    room.watch()
    connectAndSync(sink(), [conn('ada', 'a1')])
    eventTypes()
    sink().leave({ userId: 'ada', connectionId: 'a1' })
    sink().leave({ userId: 'ada', connectionId: 'a1' })
    expect(eventTypes()).toEqual(['leave:ada'])
  })

  it('a repeated activity report delivered a little later is not a change', () => {
    const { room, sink, eventTypes } = setupRoom()
    room.watch()
    connectAndSync(sink())
    const report = conn('ada', 'a1', { activity: { inactiveMs: 0, hidden: false, away: false } })
    sink().join(report)
    eventTypes()
    vi.advanceTimersByTime(200)
    sink().update({ ...report, activity: { inactiveMs: 200, hidden: false, away: false } })
    expect(eventTypes()).toEqual([])
  })
})
