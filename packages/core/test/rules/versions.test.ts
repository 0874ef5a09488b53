import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { conn, connectAndSync, setupRoom, useFakeClock } from '../fixtures/setup.js'

beforeEach(() => useFakeClock())
afterEach(() => vi.useRealTimers())

describe('rule 3: versions and tombstones', () => {
  it('drops input older than what is stored', () => {
    const { room, sink, eventTypes } = setupRoom()
    room.watch()
    connectAndSync(sink(), [conn('ada', 'a1', { version: 5, data: { v: 5 } })])
    eventTypes()
    sink().update(conn('ada', 'a1', { version: 4, data: { v: 4 } }))
    expect(room.get('ada')?.data).toEqual({ v: 5 })
    expect(eventTypes()).toEqual([])
    sink().update(conn('ada', 'a1', { version: 6, data: { v: 6 } }))
    expect(room.get('ada')?.data).toEqual({ v: 6 })
  })

  it('a late join after a leave cannot resurrect a ghost', () => {
    const { room, sink, eventTypes } = setupRoom({ leaveGraceMs: 0 })
    room.watch()
    connectAndSync(sink(), [conn('ada', 'a1', { version: 1 })])
    sink().leave({ userId: 'ada', connectionId: 'a1', version: 2 })
    eventTypes()
    sink().join(conn('ada', 'a1', { version: 1 }))
    sink().update(conn('ada', 'a1', { version: 2 }))
    expect(room.isUserPresent('ada')).toBe(false)
    expect(eventTypes()).toEqual([])
  })

  it('a leave that overtakes its join blocks that join', () => {
    const { room, sink } = setupRoom({ leaveGraceMs: 0 })
    room.watch()
    connectAndSync(sink())
    sink().leave({ userId: 'ada', connectionId: 'a1' })
    sink().join(conn('ada', 'a1', { version: 1 }))
    expect(room.isUserPresent('ada')).toBe(false)
  })

  it('input provably newer than the leave brings the connection back', () => {
    const { room, sink } = setupRoom({ leaveGraceMs: 0 })
    room.watch()
    connectAndSync(sink(), [conn('ada', 'a1', { version: 1 })])
    sink().leave({ userId: 'ada', connectionId: 'a1', version: 2 })
    sink().join(conn('ada', 'a1', { version: 3 }))
    expect(room.isUserPresent('ada')).toBe(true)
  })

  it('tombstones expire after tombstoneTtlMs on the receiver clock', () => {
    const { room, sink } = setupRoom({ leaveGraceMs: 0, tombstoneTtlMs: 1_000 })
    room.watch()
    connectAndSync(sink())
    sink().leave({ userId: 'ada', connectionId: 'a1' })
    vi.advanceTimersByTime(1_001)
    sink().join(conn('ada', 'a1'))
    expect(room.isUserPresent('ada')).toBe(true)
  })

  it('keeps at most maxTombstones, the oldest forgotten first', () => {
    const { room, sink } = setupRoom({ leaveGraceMs: 0, maxTombstones: 3 })
    room.watch()
    connectAndSync(sink())
    for (const id of ['c1', 'c2', 'c3', 'c4']) sink().leave({ userId: 'u', connectionId: id })
    sink().join(conn('u', 'c1'))
    expect(room.isUserPresent('u')).toBe(true)
    sink().join(conn('v', 'c4'))
    expect(room.isUserPresent('v')).toBe(false)
  })

  it('keeps the latest maxTombstones leaves however many times the limit is passed', () => {
    const { room, sink } = setupRoom({ leaveGraceMs: 0, maxTombstones: 3 })
    room.watch()
    connectAndSync(sink())
    for (let i = 1; i <= 10; i++) sink().leave({ userId: `u${i}`, connectionId: `c${i}` })
    for (let i = 8; i <= 10; i++) {
      sink().join(conn(`u${i}`, `c${i}`))
      expect(room.isUserPresent(`u${i}`)).toBe(false)
    }
    sink().join(conn('u7', 'c7'))
    expect(room.isUserPresent('u7')).toBe(true)
  })

  it('drops a leave older than the stored version', () => {
    const { room, sink } = setupRoom({ leaveGraceMs: 0 })
    room.watch()
    connectAndSync(sink(), [conn('ada', 'a1', { version: 5 })])
    sink().leave({ userId: 'ada', connectionId: 'a1', version: 3 })
    expect(room.isUserPresent('ada')).toBe(true)
  })
  it('a later snapshot that lists a left connection brings it back: the snapshot is the truth', () => {
    const { room, sink } = setupRoom({ leaveGraceMs: 0 })
    room.watch()
    connectAndSync(sink(), [conn('ada', 'a1'), conn('bob', 'b1')])
    sink().leave({ userId: 'ada', connectionId: 'a1' })
    expect(room.isUserPresent('ada')).toBe(false)
    sink().snapshot([conn('ada', 'a1'), conn('bob', 'b1')])
    expect(room.isUserPresent('ada')).toBe(true)
    // The tombstone went with it: a later leave and a late join behave as for any connection.
    sink().leave({ userId: 'ada', connectionId: 'a1' })
    sink().join(conn('ada', 'a1'))
    expect(room.isUserPresent('ada')).toBe(false)
  })

  it('a snapshot entry no newer than the versioned leave stays blocked', () => {
    const { room, sink } = setupRoom({ leaveGraceMs: 0 })
    room.watch()
    connectAndSync(sink(), [conn('ada', 'a1', { version: 1 })])
    sink().leave({ userId: 'ada', connectionId: 'a1', version: 2 })
    sink().snapshot([conn('ada', 'a1', { version: 2 })])
    expect(room.isUserPresent('ada')).toBe(false)
    sink().snapshot([conn('ada', 'a1', { version: 3 })])
    expect(room.isUserPresent('ada')).toBe(true)
  })
})
