import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ConnectionInput, RoomSink } from '../../src/adapter.js'
import { createPresenceClient } from '../../src/client.js'
import { createMemoryHub } from '../../src/testing/memory-hub.js'

type Call = { method: string; payload: unknown }

function recordingSink(): RoomSink & { calls: Call[]; of(method: string): unknown[] } {
  const calls: Call[] = []
  const record = (method: string) => (payload: unknown) => calls.push({ method, payload })
  return {
    calls,
    of: (method) => calls.filter((c) => c.method === method).map((c) => c.payload),
    snapshot: record('snapshot'),
    join: record('join'),
    update: record('update'),
    leave: record('leave'),
    typing: record('typing'),
    status: (status, detail) => calls.push({ method: 'status', payload: { status, ...detail } }),
    error: record('error'),
  }
}

const presence = (data: Record<string, string>) => ({
  data,
  activity: { inactiveMs: 0, hidden: false, away: false },
})

describe('memory hub', () => {
  it('opens with connecting, connected and a snapshot of who is there', () => {
    const hub = createMemoryHub()
    const a = hub
      .adapter({ connectionId: 'a1' })
      .openRoom({ room: 'lobby', user: { id: 'ada' }, sink: recordingSink() })
    a.enter(presence({ mood: 'hi' }))
    const sink = recordingSink()
    hub.adapter({ connectionId: 'g1' }).openRoom({ room: 'lobby', user: { id: 'grace' }, sink })
    expect(sink.calls.map((c) => c.method)).toEqual(['status', 'status', 'snapshot'])
    expect(sink.of('status')).toEqual([{ status: 'connecting' }, { status: 'connected', connectionId: 'g1' }])
    const [snapshot] = sink.of('snapshot') as ConnectionInput[][]
    expect(snapshot).toMatchObject([{ connectionId: 'a1', userId: 'ada', data: { mood: 'hi' } }])
  })

  it('fans joins, updates, leaves and typing out to every watcher, sender included, with rising versions', () => {
    const hub = createMemoryHub()
    const senderSink = recordingSink()
    const otherSink = recordingSink()
    const sender = hub
      .adapter({ connectionId: 'a1' })
      .openRoom({ room: 'r', user: { id: 'ada' }, sink: senderSink })
    hub.adapter({ connectionId: 'g1' }).openRoom({ room: 'r', user: { id: 'grace' }, sink: otherSink })
    sender.enter(presence({ n: '1' }))
    sender.update(presence({ n: '2' }))
    sender.typing(true)
    sender.leave()
    for (const sink of [senderSink, otherSink]) {
      expect(sink.calls.slice(3).map((c) => c.method)).toEqual(['join', 'update', 'typing', 'leave'])
    }
    const versions = otherSink.calls
      .slice(3)
      .map((c) => (c.payload as { version?: number }).version)
      .filter((v) => v !== undefined)
    expect(versions).toEqual([...versions].toSorted((x, y) => x! - y!))
    expect(new Set(versions).size).toBe(3)
  })

  it('holds messages in manual delivery, and lets a test reorder and duplicate them', () => {
    const hub = createMemoryHub({ delivery: 'manual' })
    const sink = recordingSink()
    hub.adapter().openRoom({ room: 'r', user: { id: 'grace' }, sink })
    hub.addVirtual('r', { userId: 'ada', connectionId: 'a1' })
    hub.removeVirtual('r', 'a1')
    expect(hub.pending().map((m) => m.method)).toEqual(['snapshot', 'join', 'leave'])
    hub.reorder((messages) => [messages[0]!, messages[2]!, messages[1]!])
    hub.duplicate(2)
    expect(hub.deliver()).toBe(4)
    expect(sink.calls.slice(2).map((c) => c.method)).toEqual(['snapshot', 'leave', 'join', 'join'])
  })

  it('delivers after the current task in microtask mode', async () => {
    const hub = createMemoryHub({ delivery: 'microtask' })
    const sink = recordingSink()
    hub.adapter().openRoom({ room: 'r', user: { id: 'grace' }, sink })
    expect(sink.of('snapshot')).toHaveLength(0)
    await Promise.resolve()
    expect(sink.of('snapshot')).toHaveLength(1)
  })

  it('disconnect: the client hears reconnecting, the others see it leave; reconnect: connected and a fresh snapshot', () => {
    const hub = createMemoryHub()
    const aSink = recordingSink()
    const gSink = recordingSink()
    const adapter = hub.adapter({ connectionId: 'a1' })
    adapter.openRoom({ room: 'r', user: { id: 'ada' }, sink: aSink }).enter(presence({}))
    hub.adapter({ connectionId: 'g1' }).openRoom({ room: 'r', user: { id: 'grace' }, sink: gSink })
    hub.disconnect(adapter)
    expect(aSink.of('status').at(-1)).toEqual({ status: 'reconnecting' })
    expect(gSink.of('leave')).toMatchObject([{ connectionId: 'a1', userId: 'ada' }])
    hub.addVirtual('r', { userId: 'linus', connectionId: 'l1' })
    expect(aSink.of('join')).toHaveLength(1)
    hub.reconnect(adapter, { connectionId: 'a2' })
    expect(aSink.of('status').at(-1)).toEqual({ status: 'connected', connectionId: 'a2' })
    const latest = aSink.of('snapshot').at(-1) as ConnectionInput[]
    expect(latest.map((c) => c.userId)).toEqual(['linus'])
  })

  it('injects malformed messages untouched', () => {
    const hub = createMemoryHub()
    const sink = recordingSink()
    hub.adapter().openRoom({ room: 'r', user: { id: 'grace' }, sink })
    hub.inject('r', { method: 'join', payload: { nonsense: true } })
    expect(sink.of('join')).toEqual([{ nonsense: true }])
  })

  it('holds 100,000 virtual connections', () => {
    const hub = createMemoryHub()
    for (let i = 0; i < 100_000; i++) hub.addVirtual('big', { userId: `u${i}` })
    expect(hub.connections('big')).toHaveLength(100_000)
    expect(hub.rooms()).toEqual(['big'])
  })
})

describe('clients on a memory hub', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('two tabs of one user are one member for everyone; the last tab closing removes them after the grace', () => {
    const hub = createMemoryHub()
    const make = (id: string) =>
      createPresenceClient({ adapter: hub.adapter(), user: { id, name: id }, batch: 'sync' })
    const watcher = make('grace')
    const tab1 = make('ada')
    const tab2 = make('ada')
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
  })

  it('a reconnect keeps the roster, re-sends own presence and resyncs', () => {
    const hub = createMemoryHub()
    const adapter = hub.adapter()
    const me = createPresenceClient({ adapter, user: { id: 'ada' }, batch: 'sync' })
    const other = createPresenceClient({ adapter: hub.adapter(), user: { id: 'grace' }, batch: 'sync' })
    other.room('lobby').join({})
    const room = me.room('lobby')
    room.join({ mood: 'here' })
    const before = room.get().members
    hub.disconnect(adapter)
    expect(room.get().stale).toBe(true)
    expect(room.get().members).toBe(before)
    hub.reconnect(adapter, { connectionId: 'ada-2' })
    expect(room.get().stale).toBe(false)
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
    const ada = createPresenceClient({
      adapter: hub.adapter(),
      user: { id: 'ada', name: 'Ada' },
      batch: 'sync',
    })
    const grace = createPresenceClient({ adapter: hub.adapter(), user: { id: 'grace' }, batch: 'sync' })
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
})
