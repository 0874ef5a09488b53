import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { inspectPresenceClient, type InspectRecord } from '../../src/inspect/index.js'
import { INSPECT } from '../../src/inspect-key.js'
import type { RoomHost } from '../../src/room.js'
import { conn, connectAndSync, setupRoom, useFakeClock } from '../fixtures/setup.js'

beforeEach(() => useFakeClock())
afterEach(() => vi.useRealTimers())

const hostOf = (client: object) => (client as Record<typeof INSPECT, RoomHost>)[INSPECT]

const summary = (record: InspectRecord) =>
  record.type === 'commit'
    ? `commit:${record.inputs}:${record.events.map((e) => e.type).join('+')}`
    : `${record.kind}:${String((record.input as { userId?: string } | undefined)?.userId ?? record.input)}`

describe('the inspection API', () => {
  it('installs no tap while nobody subscribes, and removes it when the last listener goes', () => {
    const { client, room, sink } = setupRoom()
    room.watch()
    const inspector = inspectPresenceClient(client)
    expect(hostOf(client).tap).toBeUndefined()
    connectAndSync(sink(), [conn('ada', 'a1')])
    expect(inspector.counts('lobby')).toEqual({ inputs: 0, commits: 0 })

    const first = inspectPresenceClient(client).subscribe(() => {})
    const second = inspector.subscribe(() => {})
    expect(hostOf(client).tap).toBeTypeOf('function')
    expect(room.listenerCount('change')).toBe(1)
    first()
    expect(hostOf(client).tap).toBeTypeOf('function')
    second()
    second()
    expect(hostOf(client).tap).toBeUndefined()
    expect(room.listenerCount('change')).toBe(0)
  })

  it('hands every adapter input, as given and in order, then the commit with its input count', () => {
    const { client, room, sink } = setupRoom({ batch: () => () => {} })
    room.watch()
    const records: InspectRecord[] = []
    const unsubscribe = inspectPresenceClient(client).subscribe((record) => records.push(record))
    const join = conn('ada', 'a1')
    connectAndSync(sink(), [])
    sink().join(join)
    sink().update(conn('ada', 'a1', { data: { name: 'Ada' } }))
    sink().typing({ userId: 'ada', connectionId: 'a1', typing: true })
    sink().leave({ userId: 'ada', connectionId: 'a1' })
    room.flush()
    expect(records.map(summary)).toEqual([
      'status:connected',
      'snapshot:',
      'join:ada',
      'update:ada',
      'typing:ada',
      'leave:ada',
      'commit:6:status+sync+join+update',
    ])
    const input = records[2]!
    expect(input.type === 'input' && input.input).toBe(join)
    expect(records.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6, 7])
    expect(records[1]!.room).toBe('lobby')
    expect(records[0]!.type === 'input' && records[0]!.detail).toEqual({ connectionId: 'me-1' })

    unsubscribe()
    sink().join(conn('grace', 'g1'))
    room.flush()
    expect(records).toHaveLength(7)
  })

  it('counts inputs and commits per room for the batching ratio', () => {
    const { client, room, sink } = setupRoom({ batch: () => () => {}, leaveGraceMs: 0 })
    room.watch()
    const inspector = inspectPresenceClient(client)
    inspector.subscribe(() => {})
    connectAndSync(sink(), [])
    for (let i = 0; i < 10; i++) sink().join(conn(`u${i}`, `c${i}`))
    room.flush()
    sink().leave({ userId: 'u1', connectionId: 'c1' })
    room.flush()
    expect(inspector.counts('lobby')).toEqual({ inputs: 13, commits: 2 })
    expect(inspector.counts('elsewhere')).toEqual({ inputs: 0, commits: 0 })
  })

  it('keeps a listener that throws away from the adapter and the other listeners', () => {
    const onListenerError = vi.fn()
    const { client, room, sink } = setupRoom({ onListenerError })
    room.watch()
    const inspector = inspectPresenceClient(client)
    const seen: string[] = []
    inspector.subscribe(() => {
      throw new Error('devtools bug')
    })
    inspector.subscribe((record) => seen.push(record.type))
    expect(() => connectAndSync(sink(), [conn('ada', 'a1')])).not.toThrow()
    expect(room.get('ada')).toBeDefined()
    expect(seen).toContain('commit')
    expect(onListenerError).toHaveBeenCalled()
  })

  it('reads rooms, members with connections, grace, recently left and typing deadlines', () => {
    const { client, room, sink } = setupRoom({
      leaveGraceMs: 3_000,
      offlineRetentionMs: 60_000,
      typing: { ttlMs: 6_000 },
    })
    room.join({ mood: 'calm' })
    const start = Date.now()
    connectAndSync(sink(), [conn('ada', 'a1', { version: 4 }), conn('ada', 'a2'), conn('grace', 'g1')])
    sink().typing({ userId: 'ada', connectionId: 'a1', typing: true })
    sink().leave({ userId: 'grace', connectionId: 'g1' })

    const read = inspectPresenceClient(client).read()
    expect(read.adapter).toBe('scripted')
    expect(read.now).toBe(start)
    expect(read.activity.status).toBe('active')
    const lobby = read.rooms.find((r) => r.name === 'lobby')!
    expect(lobby).toMatchObject({ status: 'connected', synced: true, stale: false, open: true })
    expect(lobby.members.map((m) => m.userId)).toEqual(room.get().members.map((m) => m.userId))
    expect(lobby.members.map((m) => m.member)).toEqual(room.get().members)
    const ada = lobby.members.find((m) => m.userId === 'ada')!
    expect(ada.connections.map((c) => [c.connectionId, c.version])).toEqual([
      ['a1', 4],
      ['a2', 0],
    ])
    expect(ada.connections[0]!.joinedAt).toBe(start)
    expect(lobby.members.find((m) => m.isSelf)?.connections[0]?.data).toEqual({ mood: 'calm' })
    expect(lobby.members.find((m) => m.userId === 'grace')?.leaveGraceUntil).toBe(start + 3_000)
    expect(lobby.typing).toEqual([{ userId: 'ada', name: undefined, expiresAt: start + 6_000 }])
    expect(lobby.counts).toMatchObject({ members: 3, connections: 4, typing: 1, leaving: 1, recentlyLeft: 0 })

    vi.advanceTimersByTime(3_000)
    const after = inspectPresenceClient(client).read().rooms[0]!
    expect(after.recentlyLeft).toEqual([
      { userId: 'grace', name: undefined, leftAt: start + 3_000, forgetAt: start + 63_000 },
    ])
    expect(after.counts.leaving).toBe(0)
  })

  it('reads a dropped link as stale, and the local activity as away when set', () => {
    const { client, room, sink } = setupRoom()
    room.watch()
    connectAndSync(sink(), [conn('ada', 'a1')])
    sink().status('reconnecting')
    client.activity.setAway(true)
    const read = inspectPresenceClient(client).read()
    expect(read.rooms[0]).toMatchObject({ status: 'reconnecting', synced: true, stale: true })
    expect(read.activity).toMatchObject({ status: 'away', away: true })
  })

  it('injects input through the live sink, where malformed input becomes an error event', () => {
    const { client, room, sink, events } = setupRoom()
    room.watch()
    const inspector = inspectPresenceClient(client)
    const records: InspectRecord[] = []
    inspector.subscribe((record) => records.push(record))
    expect(inspector.inject('lobby', 'join', conn('ada', 'a1'))).toBe(true)
    connectAndSync(sink(), [conn('grace', 'g1')])
    expect(inspector.inject('lobby', 'join', { connectionId: 42, userId: '' })).toBe(true)
    expect(room.get().lastError?.code).toBe('invalid-input')
    expect(events.some((e) => e.type === 'error')).toBe(true)
    expect(room.get().members.map((m) => m.userId)).toEqual(['grace'])
    expect(
      records.some(
        (r) =>
          r.type === 'input' &&
          r.kind === 'join' &&
          (r.input as { connectionId: unknown }).connectionId === 42,
      ),
    ).toBe(true)
    expect(inspector.inject('nowhere', 'join', conn('ada', 'a1'))).toBe(false)
    room.destroy()
    expect(inspector.inject('lobby', 'join', conn('ada', 'a1'))).toBe(false)
  })

  it('refuses what is not a client of this kit, with a clear error', () => {
    expect(() => inspectPresenceClient({} as never)).toThrow(/not a client made by createPresenceClient/)
  })
})
