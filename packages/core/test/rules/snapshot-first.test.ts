import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { conn, connectAndSync, setupRoom, useFakeClock } from '../fixtures/setup.js'

beforeEach(() => useFakeClock())
afterEach(() => vi.useRealTimers())

describe('rule 5: snapshot first', () => {
  it('buffers diffs that arrive before the first snapshot and replays them after it', () => {
    const { room, sink, eventTypes } = setupRoom({ leaveGraceMs: 0 })
    room.watch()
    sink().status('connected', { connectionId: 'me-1' })
    sink().join(conn('linus', 'l1', { version: 9 }))
    sink().leave({ userId: 'ada', connectionId: 'a1', version: 9 })
    expect(room.get().synced).toBe(false)
    expect(room.get().members).toEqual([])
    sink().snapshot([conn('ada', 'a1', { version: 1 }), conn('grace', 'g1', { version: 1 })])
    expect(room.get().synced).toBe(true)
    expect(room.get().members.map((m) => m.userId)).toEqual(['grace', 'linus'])
    // One commit for the whole batch: the replayed leave is seen after the snapshot's join.
    expect(eventTypes()).toEqual(['status', 'join:ada', 'join:grace', 'join:linus', 'leave:ada', 'sync'])
  })

  it('reconciles a later snapshot against the roster: only real changes emit', () => {
    const { room, sink, eventTypes } = setupRoom({ leaveGraceMs: 0 })
    room.watch()
    connectAndSync(sink(), [conn('ada', 'a1', { version: 1 }), conn('grace', 'g1', { version: 1 })])
    const ada = room.get('ada')
    eventTypes()
    sink().status('reconnecting')
    sink().status('connected', { connectionId: 'me-1' })
    sink().snapshot([
      conn('ada', 'a1', { version: 1 }),
      conn('grace', 'g1', { version: 2, data: { name: 'Grace H.' } }),
      conn('linus', 'l1', { version: 1 }),
    ])
    expect(eventTypes()).toEqual(['status', 'status', 'update:grace', 'join:linus', 'sync'])
    expect(room.get('ada')).toBe(ada)
  })

  it('removes, after the grace, members the new snapshot no longer lists', () => {
    const { room, sink, eventTypes } = setupRoom({ leaveGraceMs: 1_000 })
    room.watch()
    connectAndSync(sink(), [conn('ada', 'a1'), conn('grace', 'g1')])
    eventTypes()
    sink().status('reconnecting')
    sink().status('connected', { connectionId: 'me-1' })
    sink().snapshot([conn('ada', 'a1')])
    expect(room.isUserPresent('grace')).toBe(true)
    vi.advanceTimersByTime(1_000)
    expect(room.isUserPresent('grace')).toBe(false)
    expect(eventTypes()).toEqual(['status', 'status', 'sync', 'leave:grace'])
  })
})
