import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  createMemoryHub,
  createSimulatedCrowd,
  type MemoryHub,
  type SimulatedCrowdOptions,
} from '../../src/testing/index.js'
import { recordingSink, type RecordingSink } from './recording-sink.js'

/** A hub with one client watching the lobby: what it receives is the crowd's operation log. */
function observedHub(): { hub: MemoryHub; observer: RecordingSink } {
  const hub = createMemoryHub()
  const observer = recordingSink()
  hub
    .adapter({ connectionId: 'observer' })
    .openRoom({ room: 'lobby', user: { id: 'observer' }, sink: observer })
  observer.clear()
  return { hub, observer }
}

const busy = { members: 50, churnPerSecond: 5, typingPerSecond: 2, activityPerSecond: 3 } as const

function operationLog(options: Omit<SimulatedCrowdOptions, 'hub'>, ms = 10_000): string[] {
  const { hub, observer } = observedHub()
  createSimulatedCrowd({ hub, ...options }).step(ms)
  return observer.calls.map((call) => `${call.method} ${JSON.stringify(call.args)}`)
}

describe('simulated crowd', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('is deterministic: the same seed replays the same operations on another hub, another seed differs', () => {
    const first = operationLog({ ...busy, seed: 7 })
    expect(first.length).toBeGreaterThan(150)
    expect(operationLog({ ...busy, seed: 7 })).toEqual(first)
    expect(operationLog({ ...busy, seed: 8 })).not.toEqual(first)
  })

  it('runs the same sequence on its own timer as with step()', () => {
    const stepped = operationLog({ ...busy, seed: 3 }, 2_000)
    const { hub, observer } = observedHub()
    const crowd = createSimulatedCrowd({ hub, ...busy, seed: 3 })
    crowd.start()
    expect(crowd.running).toBe(true)
    vi.advanceTimersByTime(2_000)
    crowd.stop()
    expect(observer.calls.map((call) => `${call.method} ${JSON.stringify(call.args)}`)).toEqual(stepped)
  })

  it('populates users as virtual connections with name, colour and profile, some in several tabs', () => {
    const { hub, observer } = observedHub()
    const crowd = createSimulatedCrowd({ hub, members: 300, multiTabRatio: 0.3 })
    const connections = hub.connections('lobby')
    const stats = crowd.stats()
    expect(stats.members).toBe(300)
    expect(stats.connections).toBe(connections.length)
    expect(new Set(connections.map((c) => c.userId)).size).toBe(300)
    const tabsPerUser = new Map<string, number>()
    for (const c of connections) tabsPerUser.set(c.userId, (tabsPerUser.get(c.userId) ?? 0) + 1)
    const tabCounts = new Set(tabsPerUser.values())
    expect([...tabCounts].toSorted()).toEqual([1, 2, 3])
    expect(observer.joins()).toHaveLength(connections.length)

    for (const connection of connections) {
      expect(Object.keys(connection.data).toSorted()).toEqual(['color', 'name'])
      expect(connection.profile?.name).toBe(connection.data['name'])
      expect(connection.virtual).toBe(true)
      expect(connection.activity).toBeDefined()
    }
    const names = connections.map((c) => String(c.data['name']))
    expect(names.some((name) => /[\u0590-\u06ff]/.test(name))).toBe(true)
    expect(names.some((name) => name.length > 30)).toBe(true)
    const avatars = connections.map((c) => c.profile?.avatarUrl)
    expect(
      avatars.filter((url) => /^https:\/\/avatars\.presence-kit\.dev\/\d+\.png$/.test(url ?? '')).length,
    ).toBeGreaterThan(connections.length * 0.8)
    expect(avatars).toContain(undefined)
    expect(avatars.some((url) => url !== undefined && !url.startsWith('https://'))).toBe(true)
  })

  it('draws names from the names option and keeps one tab per user at multiTabRatio 0', () => {
    const hub = createMemoryHub()
    const crowd = createSimulatedCrowd({ hub, members: 40, multiTabRatio: 0, names: ['Only One'] })
    expect(crowd.stats().connections).toBe(40)
    expect(new Set(hub.connections('lobby').map((c) => c.data['name']))).toEqual(new Set(['Only One']))
  })

  it('keeps the count near members under churn', () => {
    const { hub, observer } = observedHub()
    const crowd = createSimulatedCrowd({ hub, members: 200, churnPerSecond: 50, multiTabRatio: 0.5 })
    for (let second = 0; second < 20; second++) {
      crowd.step(1_000)
      expect(Math.abs(crowd.stats().members - 200)).toBeLessThanOrEqual(1)
    }
    expect(observer.leaves().length).toBeGreaterThan(300)
    expect(hub.connectionCount('lobby')).toBe(crowd.stats().connections)
    expect(new Set(hub.connections('lobby').map((c) => c.userId)).size).toBe(crowd.stats().members)
  })

  it('grows and shrinks on setOptions({ members }), at once', () => {
    const hub = createMemoryHub()
    const crowd = createSimulatedCrowd({ hub, members: 100 })
    crowd.setOptions({ members: 20 })
    expect(crowd.stats().members).toBe(20)
    expect(new Set(hub.connections('lobby').map((c) => c.userId)).size).toBe(20)
    crowd.setOptions({ members: 1_000 })
    expect(crowd.stats().members).toBe(1_000)
    expect(hub.connectionCount('lobby')).toBe(crowd.stats().connections)
    expect(() => crowd.setOptions({ members: -1 })).toThrow(RangeError)
    expect(() => crowd.setOptions({ multiTabRatio: 2 })).toThrow(RangeError)
    expect(() => crowd.setOptions({ intervalMs: 0 })).toThrow(RangeError)
    expect(crowd.stats().members).toBe(1_000)
  })

  it('starts typing at the given rate and stops every burst within 1 to 4 s', () => {
    const { hub, observer } = observedHub()
    const crowd = createSimulatedCrowd({ hub, members: 100, typingPerSecond: 5 })
    crowd.step(1_000)
    expect(crowd.stats().typing).toBeGreaterThan(0)
    crowd.step(9_000)
    crowd.setOptions({ typingPerSecond: 0 })
    crowd.step(4_000)
    expect(crowd.stats().typing).toBe(0)
    const signals = observer.typings()
    const starts = signals.filter((s) => s.typing)
    // 50 draws; a draw that lands on a tab already typing is skipped.
    expect(starts.length).toBeGreaterThanOrEqual(40)
    expect(signals.filter((s) => !s.typing)).toHaveLength(starts.length)
  })

  it('changes activity between active, idle, hidden and away', () => {
    const { hub, observer } = observedHub()
    const crowd = createSimulatedCrowd({ hub, members: 50, activityPerSecond: 20 })
    crowd.step(10_000)
    const reports = observer.updates().map((u) => u.activity!)
    expect(reports).toHaveLength(200)
    expect(reports.some((a) => a.hidden)).toBe(true)
    expect(reports.some((a) => a.away)).toBe(true)
    expect(reports.some((a) => a.inactiveMs > 60_000 && !a.away && !a.hidden)).toBe(true)
    expect(reports.some((a) => a.inactiveMs < 60_000 && !a.away && !a.hidden)).toBe(true)
    expect(crowd.stats().events).toBe(crowd.stats().connections + 200)
  })

  it('leaves no timer after stop or dispose, and dispose removes everything it added', () => {
    const { hub, observer } = observedHub()
    const crowd = createSimulatedCrowd({ hub, members: 10, churnPerSecond: 10, typingPerSecond: 5 })
    crowd.start()
    crowd.start()
    expect(vi.getTimerCount()).toBe(1)
    vi.advanceTimersByTime(1_000)
    expect(crowd.stats().events).toBeGreaterThan(20)
    crowd.stop()
    expect(vi.getTimerCount()).toBe(0)
    crowd.start()
    crowd.setOptions({ intervalMs: 50 })
    expect(vi.getTimerCount()).toBe(1)
    crowd.dispose()
    expect(vi.getTimerCount()).toBe(0)
    expect(crowd.running).toBe(false)
    expect(hub.connectionCount('lobby')).toBe(0)
    expect(observer.joins().length).toBe(observer.leaves().length)
    crowd.start()
    crowd.step(1_000)
    expect(vi.getTimerCount()).toBe(0)
    expect(crowd.stats()).toMatchObject({ members: 0, connections: 0, typing: 0 })
  })

  it('stops by itself when its hub is destroyed', () => {
    const hub = createMemoryHub()
    const crowd = createSimulatedCrowd({ hub, members: 5, churnPerSecond: 10 })
    crowd.start()
    hub.destroy()
    vi.advanceTimersByTime(500)
    expect(vi.getTimerCount()).toBe(0)
    expect(() => crowd.dispose()).not.toThrow()
  })
})
