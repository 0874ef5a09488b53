import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { conn, connectAndSync, setupRoom, useFakeClock } from '../fixtures/setup.js'

beforeEach(() => useFakeClock())
afterEach(() => vi.useRealTimers())

describe('rule 9: typing is ephemeral (receiver)', () => {
  it('expires a typer after the TTL on the receiver clock', () => {
    const { room, sink } = setupRoom({ typing: { ttlMs: 6_000 } })
    room.watch()
    connectAndSync(sink(), [conn('ada', 'a1')])
    sink().typing({ userId: 'ada', connectionId: 'a1', typing: true })
    expect(room.get().typing.map((m) => m.userId)).toEqual(['ada'])
    vi.advanceTimersByTime(5_999)
    expect(room.get().typing).toHaveLength(1)
    vi.advanceTimersByTime(1)
    expect(room.get().typing).toHaveLength(0)
  })

  it('a repeated signal extends the TTL', () => {
    const { room, sink } = setupRoom({ typing: { ttlMs: 6_000 } })
    room.watch()
    connectAndSync(sink(), [conn('ada', 'a1')])
    sink().typing({ userId: 'ada', typing: true })
    vi.advanceTimersByTime(4_000)
    sink().typing({ userId: 'ada', typing: true })
    vi.advanceTimersByTime(4_000)
    expect(room.get().typing).toHaveLength(1)
  })

  it('clears at once when the typer sends (stop) or leaves, even during the leave grace', () => {
    const { room, sink } = setupRoom({ leaveGraceMs: 3_000 })
    room.watch()
    connectAndSync(sink(), [conn('ada', 'a1'), conn('grace', 'g1')])
    sink().typing({ userId: 'ada', connectionId: 'a1', typing: true })
    sink().typing({ userId: 'grace', connectionId: 'g1', typing: true })
    sink().typing({ userId: 'ada', connectionId: 'a1', typing: false })
    expect(room.get().typing.map((m) => m.userId)).toEqual(['grace'])
    sink().leave({ userId: 'grace', connectionId: 'g1' })
    expect(room.get().typing).toEqual([])
    expect(room.isUserPresent('grace')).toBe(true)
  })

  it('never shows the local user, from this tab or another', () => {
    const { room, sink } = setupRoom()
    room.join({})
    connectAndSync(sink(), [conn('me', 'me-2')], 'me-1')
    sink().typing({ userId: 'me', connectionId: 'me-2', typing: true })
    expect(room.get().typing).toEqual([])
  })

  it('emits a typing event when the set of typers changes', () => {
    const { room, sink, takeEvents } = setupRoom()
    room.watch()
    connectAndSync(sink(), [conn('ada', 'a1')])
    takeEvents()
    sink().typing({ userId: 'ada', typing: true })
    sink().typing({ userId: 'ada', typing: true })
    const typingEvents = takeEvents().filter((e) => e.type === 'typing')
    expect(typingEvents).toHaveLength(1)
  })
})

describe('rule 9: typing is ephemeral (sender)', () => {
  it('signals at once, then at most every throttleMs, and stops by itself after autoStopMs', () => {
    const { room, sink, adapter } = setupRoom({ typing: { throttleMs: 2_000, autoStopMs: 3_000 } })
    room.join({})
    connectAndSync(sink())
    room.startTyping()
    for (let t = 0; t < 10; t++) {
      vi.advanceTimersByTime(250)
      room.startTyping()
    }
    // 2.5 s of keys: the first signal and one repeat at 2 s.
    expect(adapter.callsOf('typing').map((c) => ('typing' in c ? c.typing : null))).toEqual([true, true])
    vi.advanceTimersByTime(2_999)
    expect(room.isTyping()).toBe(true)
    vi.advanceTimersByTime(1)
    expect(room.isTyping()).toBe(false)
    expect(adapter.callsOf('typing').map((c) => ('typing' in c ? c.typing : null))).toEqual([
      true,
      true,
      false,
    ])
  })

  it('stops at once on stopTyping and on leave', () => {
    const { room, sink, adapter } = setupRoom()
    room.join({})
    connectAndSync(sink())
    room.startTyping()
    room.stopTyping()
    room.stopTyping()
    room.startTyping()
    room.leave()
    expect(adapter.callsOf('typing').map((c) => ('typing' in c ? c.typing : null))).toEqual([
      true,
      false,
      true,
      false,
    ])
    expect(vi.getTimerCount()).toBe(0)
  })

  it('does nothing when not joined', () => {
    const { room, adapter } = setupRoom()
    room.watch()
    room.startTyping()
    expect(adapter.callsOf('typing')).toEqual([])
  })
})
