import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { conn, setupRoom, useFakeClock } from '../fixtures/setup.js'

beforeEach(() => useFakeClock())
afterEach(() => vi.useRealTimers())

describe('batching', () => {
  it('notifies store subscribers once for a burst of input', () => {
    const { room, sink } = setupRoom({ batch: 'frame' })
    room.watch()
    const notifications = vi.fn()
    room.store.subscribe(notifications)
    sink().status('connected', { connectionId: 'me-1' })
    sink().snapshot([])
    for (let i = 0; i < 1_000; i++) sink().join(conn(`u${i}`, `c${i}`))
    expect(notifications).not.toHaveBeenCalled()
    vi.advanceTimersByTime(16)
    expect(notifications).toHaveBeenCalledOnce()
    expect(room.get().count).toBe(1_000)
  })

  it('commits at most once per configured window', () => {
    const { room, sink } = setupRoom({ batch: 100 })
    room.watch()
    const notifications = vi.fn()
    room.store.subscribe(notifications)
    sink().status('connected', { connectionId: 'me-1' })
    sink().snapshot([])
    for (let t = 0; t < 10; t++) {
      sink().join(conn(`u${t}`, `c${t}`))
      vi.advanceTimersByTime(25)
    }
    expect(notifications.mock.calls.length).toBeLessThanOrEqual(3)
    expect(notifications.mock.calls.length).toBeGreaterThanOrEqual(2)
  })

  it('flush() commits at once', () => {
    const { room, sink } = setupRoom({ batch: 'frame' })
    room.watch()
    sink().status('connected', { connectionId: 'me-1' })
    sink().snapshot([conn('ada', 'a1')])
    expect(room.get().count).toBe(0)
    room.flush()
    expect(room.get().count).toBe(1)
  })

  it('uses requestAnimationFrame when the platform has it', () => {
    const frames: (() => void)[] = []
    vi.stubGlobal('requestAnimationFrame', (cb: () => void) => frames.push(cb))
    vi.stubGlobal('cancelAnimationFrame', () => {})
    try {
      const { room, sink } = setupRoom({ batch: 'frame' })
      room.watch()
      sink().status('connected', { connectionId: 'me-1' })
      sink().snapshot([conn('ada', 'a1')])
      expect(frames).toHaveLength(1)
      frames[0]!()
      expect(room.get().count).toBe(1)
    } finally {
      vi.unstubAllGlobals()
    }
  })

  it('keeps the identity of members that did not change (structural sharing)', () => {
    const { room, sink } = setupRoom()
    room.watch()
    sink().status('connected', { connectionId: 'me-1' })
    sink().snapshot([conn('ada', 'a1'), conn('grace', 'g1'), conn('linus', 'l1')])
    const before = room.get()
    sink().update(conn('grace', 'g1', { data: { name: 'Grace H.' } }))
    const after = room.get()
    expect(after.members).not.toBe(before.members)
    expect(after.members[0]).toBe(before.members[0])
    expect(after.members[1]).not.toBe(before.members[1])
    expect(after.members[2]).toBe(before.members[2])
    expect(Object.isFrozen(after)).toBe(true)
    expect(Object.isFrozen(after.members)).toBe(true)
  })

  it('keeps a stable order: members stay where they first appeared', () => {
    const { room, sink } = setupRoom()
    room.watch()
    sink().status('connected', { connectionId: 'me-1' })
    sink().snapshot([conn('ada', 'a1'), conn('grace', 'g1')])
    sink().update(conn('ada', 'a1', { data: { name: 'A' } }))
    sink().join(conn('linus', 'l1'))
    expect(room.get().members.map((m) => m.userId)).toEqual(['ada', 'grace', 'linus'])
  })
})
