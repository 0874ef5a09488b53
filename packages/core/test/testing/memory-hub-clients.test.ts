import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPresenceClient } from '../../src/client.js'
import { createMemoryHub, createSimulatedCrowd, type MemoryHub } from '../../src/testing/index.js'
import { isSafeImageUrl } from '../../src/ui/safe-url.js'

// End to end: real stores on one hub. These check the hub against the store's expectations.
const clientOn = (hub: MemoryHub, id: string, connectionId?: string) =>
  createPresenceClient({
    adapter: hub.adapter(connectionId === undefined ? {} : { connectionId }),
    user: { id, name: id },
    batch: 'sync',
  })

describe('presence clients on a memory hub', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('two tabs of one user are one member; the last tab closing removes them after the grace', () => {
    const hub = createMemoryHub()
    const watcher = clientOn(hub, 'grace')
    const tab1 = clientOn(hub, 'ada')
    const tab2 = clientOn(hub, 'ada')
    watcher.room('lobby').join({})
    tab1.room('lobby').join({ tab: 1 })
    tab2.room('lobby').join({ tab: 2 })
    const lobby = watcher.room('lobby')
    expect(lobby.get().members.map((m) => m.userId)).toEqual(['grace', 'ada'])
    expect(lobby.get('ada')?.connections).toHaveLength(2)
    expect(tab1.room('lobby').get().self?.connections).toHaveLength(2)
    tab1.destroy()
    expect(lobby.get('ada')?.connections).toHaveLength(1)
    tab2.destroy()
    expect(lobby.isUserPresent('ada')).toBe(true)
    vi.advanceTimersByTime(3_000)
    expect(lobby.isUserPresent('ada')).toBe(false)
    watcher.destroy()
    expect(hub.rooms()).toEqual([])
  })

  it('a reconnect keeps the roster while stale, re-sends own presence and resyncs', () => {
    const hub = createMemoryHub()
    const me = clientOn(hub, 'ada', 'ada-1')
    const other = clientOn(hub, 'grace')
    other.room('lobby').join({})
    const room = me.room('lobby')
    room.join({ mood: 'here' })
    const before = room.get().members
    hub.disconnect('ada-1')
    expect(room.get().stale).toBe(true)
    expect(room.get().members).toBe(before)
    hub.reconnect('ada-1', { connectionId: 'ada-2' })
    expect(room.get().stale).toBe(false)
    expect(hub.connections('lobby').map((c) => c.connectionId)).toContain('ada-2')
    expect(other.room('lobby').get('ada')?.data).toEqual({ mood: 'here' })
    expect(
      room
        .get()
        .members.map((m) => m.userId)
        .toSorted(),
    ).toEqual(['ada', 'grace'])
    me.destroy()
    other.destroy()
  })

  it('typing reaches the others and is never shown to the typer', () => {
    const hub = createMemoryHub()
    const ada = clientOn(hub, 'ada')
    const grace = clientOn(hub, 'grace')
    ada.room('lobby').join({})
    grace.room('lobby').join({})
    ada.room('lobby').startTyping()
    expect(
      grace
        .room('lobby')
        .get()
        .typing.map((m) => m.userId),
    ).toEqual(['ada'])
    expect(ada.room('lobby').get().typing).toEqual([])
    ada.room('lobby').stopTyping()
    expect(grace.room('lobby').get().typing).toEqual([])
    ada.destroy()
    grace.destroy()
  })

  it('a crowd drives a real client: typing comes and goes, statuses vary, unsafe avatars appear', () => {
    const hub = createMemoryHub()
    const client = clientOn(hub, 'me')
    const room = client.room('lobby')
    const unwatch = room.watch()
    const crowd = createSimulatedCrowd({ hub, members: 100, typingPerSecond: 5, activityPerSecond: 20 })
    expect(room.get().count).toBe(100)
    crowd.step(1_000)
    expect(room.get().typing.length).toBeGreaterThan(0)
    crowd.step(10_000)
    expect(new Set(room.get().members.map((m) => m.status)).size).toBeGreaterThan(1)
    expect(room.get().members.some((m) => !isSafeImageUrl(m.info?.avatarUrl))).toBe(true)
    crowd.setOptions({ typingPerSecond: 0 })
    crowd.step(5_000)
    expect(room.get().typing).toEqual([])
    crowd.dispose()
    vi.advanceTimersByTime(3_000)
    expect(room.get().count).toBe(0)
    unwatch()
    client.destroy()
  })
})
