import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPresenceClient } from '../../src/client.js'
import { createMemoryHub, type HubMessage } from '../../src/testing/memory-hub.js'
import { createSimulatedCrowd } from '../../src/testing/simulated-crowd.js'
import { isSafeImageUrl } from '../../src/ui/safe-url.js'

function describeMessage(m: HubMessage): string {
  return `${m.method}:${m.method === 'snapshot' ? m.payload.length : JSON.stringify(m.payload)}`
}

function operationLog(seed: number, ms = 10_000): string[] {
  const hub = createMemoryHub({ delivery: 'manual' })
  hub.adapter().openRoom({
    room: 'lobby',
    user: { id: 'observer' },
    sink: { snapshot() {}, join() {}, update() {}, leave() {}, typing() {}, status() {}, error() {} },
  })
  const crowd = createSimulatedCrowd({
    hub,
    seed,
    members: 50,
    churnPerSecond: 5,
    typingPerSecond: 2,
    activityPerSecond: 3,
  })
  crowd.step(ms)
  return hub.pending().map(describeMessage)
}

describe('simulated crowd', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('is deterministic: the same seed makes the same operations, another seed others', () => {
    const first = operationLog(7)
    expect(first.length).toBeGreaterThan(100)
    expect(operationLog(7)).toEqual(first)
    expect(operationLog(8)).not.toEqual(first)
  })

  it('keeps the crowd at its size under churn, and grows or shrinks it on request', () => {
    const hub = createMemoryHub()
    const crowd = createSimulatedCrowd({ hub, members: 200, churnPerSecond: 50, multiTabRatio: 0.5 })
    crowd.step(20_000)
    expect(crowd.stats().members).toBe(200)
    expect(crowd.stats().connections).toBeGreaterThan(200)
    expect(new Set(hub.connections('lobby').map((c) => c.userId)).size).toBe(200)
    crowd.setOptions({ members: 20 })
    expect(new Set(hub.connections('lobby').map((c) => c.userId)).size).toBe(20)
    crowd.setOptions({ members: 1_000 })
    expect(crowd.stats().members).toBe(1_000)
  })

  it('drives a real client: typing comes and goes, statuses change, unsafe avatars are present', () => {
    const hub = createMemoryHub()
    const client = createPresenceClient({ adapter: hub.adapter(), user: { id: 'me' }, batch: 'sync' })
    const room = client.room('lobby')
    room.watch()
    const crowd = createSimulatedCrowd({ hub, members: 100, typingPerSecond: 5, activityPerSecond: 20 })
    expect(room.get().count).toBe(100)
    crowd.step(1_000)
    expect(room.get().typing.length).toBeGreaterThan(0)
    crowd.step(10_000)
    const statuses = new Set(room.get().members.map((m) => m.status))
    expect(statuses.size).toBeGreaterThan(1)
    const urls = room.get().members.map((m) => m.info?.avatarUrl)
    expect(urls.some((u) => !isSafeImageUrl(u))).toBe(true)
    crowd.setOptions({ typingPerSecond: 0 })
    crowd.step(5_000)
    expect(room.get().typing).toEqual([])
    client.destroy()
  })

  it('leaves no timer after stop or dispose, and dispose removes everything it added', () => {
    const hub = createMemoryHub()
    const crowd = createSimulatedCrowd({ hub, members: 10, churnPerSecond: 10 })
    crowd.start()
    expect(vi.getTimerCount()).toBe(1)
    vi.advanceTimersByTime(1_000)
    crowd.stop()
    expect(vi.getTimerCount()).toBe(0)
    crowd.start()
    crowd.dispose()
    expect(vi.getTimerCount()).toBe(0)
    expect(hub.connections('lobby')).toEqual([])
  })
})
