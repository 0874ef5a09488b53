import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { watchDomActivity, type ActivityWindow } from '../../src/dom.js'
import { conn, connectAndSync, setupRoom, useFakeClock } from '../fixtures/setup.js'

beforeEach(() => useFakeClock())
afterEach(() => vi.useRealTimers())

const active = { inactiveMs: 0, hidden: false, away: false }

describe('activity statuses (rule 8: on the receiver clock)', () => {
  it('goes active → idle → away with time, from one clock per room', () => {
    const { room, sink, takeEvents } = setupRoom({ idleAfterMs: 60_000, awayAfterMs: 300_000 })
    room.watch()
    connectAndSync(sink(), [
      conn('ada', 'a1', { activity: active }),
      conn('grace', 'g1', { activity: active }),
    ])
    expect(room.get('ada')?.status).toBe('active')
    takeEvents()
    vi.advanceTimersByTime(60_000)
    expect(room.get('ada')?.status).toBe('idle')
    expect(room.get('grace')?.status).toBe('idle')
    vi.advanceTimersByTime(240_000)
    expect(room.get('ada')?.status).toBe('away')
    expect(takeEvents().map((e) => e.type)).toEqual(['update', 'update', 'update', 'update'])
  })

  it('turns a relative report into a time on the receiver clock, whatever the sender clock says', () => {
    const { room, sink } = setupRoom({ idleAfterMs: 60_000 })
    room.watch()
    connectAndSync(sink(), [
      conn('ada', 'a1', { activity: { inactiveMs: 59_000, hidden: false, away: false } }),
    ])
    expect(room.get('ada')?.connections[0]?.lastActiveAt).toBe(Date.now() - 59_000)
    vi.advanceTimersByTime(1_000)
    expect(room.get('ada')?.status).toBe('idle')
  })

  it('a hidden tab is idle, a user-set away is away, and the best connection wins', () => {
    const { room, sink } = setupRoom()
    room.watch()
    connectAndSync(sink(), [conn('ada', 'a1', { activity: { inactiveMs: 0, hidden: true, away: false } })])
    expect(room.get('ada')?.status).toBe('idle')
    sink().join(conn('ada', 'a2', { activity: { inactiveMs: 0, hidden: false, away: true } }))
    expect(room.get('ada')?.status).toBe('idle')
    sink().update(conn('ada', 'a1', { activity: active }))
    expect(room.get('ada')?.status).toBe('active')
  })

  it('a member whose backend reports no activity is active', () => {
    const { room, sink } = setupRoom()
    room.watch()
    connectAndSync(sink(), [conn('ada', 'a1')])
    vi.advanceTimersByTime(1_000_000)
    expect(room.get('ada')?.status).toBe('active')
  })
})

describe('local activity', () => {
  it('sends when coming back from idle, when hidden or away changes, and refreshes while active', () => {
    const { client, room, sink, adapter } = setupRoom({ idleAfterMs: 60_000, activityRefreshMs: 30_000 })
    room.join({})
    connectAndSync(sink())
    const updates = () => adapter.callsOf('update').length
    client.activity.input()
    expect(updates()).toBe(0)
    vi.advanceTimersByTime(30_000)
    client.activity.input()
    expect(updates()).toBe(1)
    vi.advanceTimersByTime(70_000)
    expect(room.get().self?.status).toBe('idle')
    client.activity.input()
    expect(updates()).toBe(2)
    expect(room.get().self?.status).toBe('active')
    client.activity.setHidden(true)
    expect(room.get().self?.status).toBe('idle')
    client.activity.setAway(true)
    expect(room.get().self?.status).toBe('away')
    expect(updates()).toBe(4)
    const last = adapter.callsOf('update').at(-1)
    expect(last && 'presence' in last && last.presence.activity).toEqual({
      inactiveMs: 0,
      hidden: true,
      away: true,
    })
  })

  it('watchDomActivity feeds input and visibility, and removes its listeners on stop', () => {
    const listeners = new Map<string, () => void>()
    const docListeners = new Map<string, () => void>()
    const doc = {
      visibilityState: 'visible',
      addEventListener: (t: string, l: () => void) => docListeners.set(t, l),
      removeEventListener: (t: string) => docListeners.delete(t),
    }
    const win: ActivityWindow = {
      addEventListener: (t, l) => listeners.set(t, l),
      removeEventListener: (t) => listeners.delete(t),
      document: doc,
    }
    const { client } = setupRoom()
    const stop = watchDomActivity(client, { window: win })
    expect([...listeners.keys()]).toContain('keydown')
    doc.visibilityState = 'hidden'
    docListeners.get('visibilitychange')!()
    expect(client.activity.hidden).toBe(true)
    stop()
    expect(listeners.size).toBe(0)
    expect(docListeners.size).toBe(0)
  })

  it('watchDomActivity does nothing without a window (server rendering)', () => {
    const { client } = setupRoom()
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined')
    const stop = watchDomActivity(client)
    expect(() => stop()).not.toThrow()
  })
})
