import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { conn, connectAndSync, setupRoom, useFakeClock } from '../fixtures/setup.js'

beforeEach(() => useFakeClock())
afterEach(() => vi.useRealTimers())

describe('rule 6: a brief disconnect does not blank the UI', () => {
  it('keeps remote members, marked stale, while reconnecting', () => {
    const { room, sink } = setupRoom()
    room.watch()
    connectAndSync(sink(), [conn('ada', 'a1'), conn('grace', 'g1')])
    const members = room.get().members
    sink().status('reconnecting')
    const state = room.get()
    expect(state.status).toBe('reconnecting')
    expect(state.stale).toBe(true)
    expect(state.synced).toBe(true)
    expect(state.members).toBe(members)
    sink().status('connected', { connectionId: 'me-2' })
    expect(room.get().stale).toBe(true)
    sink().snapshot([conn('ada', 'a1'), conn('grace', 'g1')])
    expect(room.get().stale).toBe(false)
    expect(room.get().members).toBe(members)
  })

  it('ignores diffs from the old connection once reconnecting', () => {
    const { room, sink } = setupRoom({ leaveGraceMs: 0 })
    room.watch()
    connectAndSync(sink(), [conn('ada', 'a1')])
    sink().status('reconnecting')
    sink().leave({ userId: 'ada', connectionId: 'a1' })
    sink().status('connected', { connectionId: 'me-2' })
    sink().snapshot([conn('ada', 'a1')])
    expect(room.isUserPresent('ada')).toBe(true)
  })

  it('re-sends own presence after every reconnect, with the latest data', () => {
    const { room, sink, adapter } = setupRoom()
    room.join({ mood: 'first' })
    connectAndSync(sink(), [], 'me-1')
    expect(adapter.callsOf('enter')).toHaveLength(1)
    room.update({ mood: 'second' })
    sink().status('reconnecting')
    sink().status('connected', { connectionId: 'me-2' })
    const enters = adapter.callsOf('enter')
    expect(enters).toHaveLength(2)
    expect(enters[1]).toMatchObject({ presence: { data: { mood: 'second' } } })
  })

  it('knows own presence before the echo, and the echo does not duplicate it', () => {
    const { room, sink } = setupRoom()
    room.join({ mood: 'here' })
    expect(room.get().self?.data).toEqual({ mood: 'here' })
    expect(room.get().count).toBe(1)
    connectAndSync(sink(), [conn('me', 'me-1', { data: { mood: 'stale echo' } })], 'me-1')
    expect(room.get().self?.connections).toHaveLength(1)
    expect(room.get().self?.data).toEqual({ mood: 'here' })
  })

  it('own connection is not removed by a snapshot that does not list it yet', () => {
    const { room, sink } = setupRoom({ leaveGraceMs: 0 })
    room.join({})
    connectAndSync(sink(), [conn('ada', 'a1')], 'me-1')
    expect(room.get().self).toBeDefined()
  })
})
