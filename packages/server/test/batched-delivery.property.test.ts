import { createPresenceClient, type PresenceEvent } from '@presence-kit/core'
import { createSocketIoAdapter } from '@presence-kit/adapters/socket-io'
import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { BatchedFanOut } from '../src/batched-fan-out.js'
import type { BatchChange, BatchMessage, WireConnection } from '../src/protocol.js'
import { RoomReplica } from '../src/room-replica.js'

/**
 * The store's rules with batched delivery, end to end on the real parts: the server's room replica
 * decides what changed, its batched fan-out coalesces the changes over random windows, frames go
 * through JSON into the real socket-io adapter and its protocol reader, and a real store keeps the
 * roster. Delivery is perturbed beyond what one socket does (frames duplicated, neighbours
 * swapped) and cut by reconnects, after which the server sends a snapshot and the batches that
 * follow may repeat it. After the grace period, the store must show exactly the replica's
 * connections and data, and its events must never repeat a join, a leave or a no-op update.
 *
 * The one stand-in is the transport: a socket-shaped object that hands frames over in process, so
 * hundreds of runs fit in seconds. The real socket.io-client carries batches in the adapter's
 * contract suite (packages/adapters/test/socket-io).
 */

type Listener = (...args: unknown[]) => void

/** The socket.io-client surface the adapter uses, driven by the test as the server's end. */
class StandInSocket {
  connected = false
  active = false
  id: string | undefined
  readonly sent: Array<{ event: string; body: unknown }> = []
  private readonly listeners = new Map<string, Set<Listener>>()

  on(event: string, listener: Listener): this {
    let set = this.listeners.get(event)
    if (set === undefined) this.listeners.set(event, (set = new Set()))
    set.add(listener)
    return this
  }
  off(event: string, listener: Listener): this {
    this.listeners.get(event)?.delete(listener)
    return this
  }
  /** Client to server. */
  emit(event: string, body: unknown): this {
    this.sent.push({ event, body })
    return this
  }
  connect(): this {
    this.active = true
    return this
  }
  disconnect(): this {
    this.connected = false
    this.active = false
    return this
  }
  /** Server to client, through JSON as on the wire. */
  deliver(event: string, body: unknown): void {
    const copy: unknown = JSON.parse(JSON.stringify(body))
    for (const listener of Array.from(this.listeners.get(event) ?? [])) listener(copy)
  }
  up(id: string): void {
    this.connected = true
    this.id = id
    for (const listener of Array.from(this.listeners.get('connect') ?? [])) listener()
  }
  down(): void {
    this.connected = false
    for (const listener of Array.from(this.listeners.get('disconnect') ?? [])) listener('transport close')
  }
}

type Op =
  | { type: 'join'; user: number; data: number }
  | { type: 'update'; pick: number; data: number }
  | { type: 'leave'; pick: number }
  | { type: 'typing'; pick: number; typing: boolean }
  | { type: 'tick'; ms: number }
  | { type: 'reconnect' }

const USERS = ['ada', 'grace', 'linus', '__proto__', 'margaret']

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant('join' as const),
      user: fc.nat(USERS.length - 1),
      data: fc.nat(3),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({ type: fc.constant('update' as const), pick: fc.nat(), data: fc.nat(3) }),
  },
  { weight: 3, arbitrary: fc.record({ type: fc.constant('leave' as const), pick: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({ type: fc.constant('typing' as const), pick: fc.nat(), typing: fc.boolean() }),
  },
  {
    weight: 4,
    arbitrary: fc.record({ type: fc.constant('tick' as const), ms: fc.integer({ min: 0, max: 80 }) }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('reconnect' as const) }) },
)

const settingsArb = fc.record({
  windowMs: fc.integer({ min: 1, max: 60 }),
  duplicateEvery: fc.integer({ min: 2, max: 9 }),
  swapEvery: fc.integer({ min: 2, max: 9 }),
})

const idOf = (change: BatchChange) =>
  'connection' in change ? change.connection.connectionId : change.connectionId

beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }))
afterEach(() => vi.useRealTimers())

describe('the store with batched delivery against the server replica', () => {
  it('ends with the server truth and never repeats an event', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 80 }), settingsArb, (ops, settings) => {
        const replica = new RoomReplica('lobby')
        const socket = new StandInSocket()
        let subscribed = false
        /** Frames in the order the server sent them, kept to check the batcher's own promises. */
        const sentFrames: BatchMessage[] = []
        /** Frames on their way to the client: delivered with duplicates and neighbours swapped. */
        let inFlight: BatchMessage[] = []
        let frameCount = 0
        const fanOut = new BatchedFanOut(settings.windowMs, (message) => {
          sentFrames.push(message)
          if (!subscribed) return
          inFlight.push(message)
          if (frameCount++ % settings.duplicateEvery === 0) inFlight.push(message)
        })
        const flushTransport = () => {
          for (let index = 1; index < inFlight.length; index += settings.swapEvery) {
            ;[inFlight[index - 1], inFlight[index]] = [inFlight[index]!, inFlight[index - 1]!]
          }
          const frames = inFlight
          inFlight = []
          for (const frame of frames) socket.deliver('presence:batch', frame)
        }
        /** The server's answer to a watch: the snapshot, then the room's batches. */
        const answerWatches = () => {
          for (const { event } of socket.sent.splice(0)) {
            if (event !== 'presence:watch' || !socket.connected) continue
            socket.deliver('presence:snapshot', { room: 'lobby', connections: replica.snapshot() })
            subscribed = true
          }
        }

        const adapter = createSocketIoAdapter({ socket: socket as never, connectOnServer: true })
        const client = createPresenceClient({
          adapter,
          user: { id: 'me' },
          batch: 'sync',
          leaveGraceMs: 3_000,
        })
        const room = client.room('lobby')
        const events: PresenceEvent[] = []
        room.on(['join', 'leave', 'update'], (event) => events.push(event))
        room.watch()
        let connections = 0
        socket.up(`me-${++connections}`)
        answerWatches()

        let version = 0
        let nextConnection = 0
        const live = () => [...replica.entries.values()].map((entry) => entry.wire)
        const put = (wire: WireConnection) => {
          const change = replica.upsert({ wire, node: 'node-a', run: 'run-1' })
          if (change !== undefined) fanOut.push('lobby', { type: change, connection: wire })
        }
        for (const op of ops) {
          const ids = live()
          if (op.type === 'join') {
            put({
              connectionId: `c${nextConnection++}`,
              userId: USERS[op.user]!,
              data: { v: op.data },
              version: ++version,
            })
          } else if (op.type === 'update' && ids.length > 0) {
            put({ ...ids[op.pick % ids.length]!, data: { v: op.data }, version: ++version })
          } else if (op.type === 'leave' && ids.length > 0) {
            const { connectionId, userId } = ids[op.pick % ids.length]!
            const leave = { connectionId, userId, version: ++version }
            if (replica.remove(connectionId, leave.version) !== undefined) {
              fanOut.push('lobby', { type: 'leave', ...leave })
            }
          } else if (op.type === 'typing' && ids.length > 0) {
            const { connectionId, userId } = ids[op.pick % ids.length]!
            fanOut.push('lobby', { type: 'typing', connectionId, userId, typing: op.typing, ttlMs: 6_000 })
          } else if (op.type === 'tick') {
            vi.advanceTimersByTime(op.ms)
          } else if (op.type === 'reconnect') {
            // Frames still in flight are lost with the connection; the server stops sending.
            inFlight = []
            subscribed = false
            socket.down()
            socket.up(`me-${++connections}`)
            answerWatches()
          }
          flushTransport()
        }
        vi.advanceTimersByTime(settings.windowMs)
        flushTransport()
        vi.advanceTimersByTime(3_000)

        // The batcher's promises: a connection at most once per frame among presence changes and
        // among typing signals, and per connection the versions only grow from frame to frame.
        const last = new Map<string, number>()
        for (const frame of sentFrames) {
          const presence = frame.changes.filter((change) => change.type !== 'typing')
          const typing = frame.changes.filter((change) => change.type === 'typing')
          expect(new Set(presence.map(idOf)).size).toBe(presence.length)
          expect(new Set(typing.map(idOf)).size).toBe(typing.length)
          for (const change of presence) {
            const changeVersion =
              'connection' in change
                ? change.connection.version
                : change.type === 'leave'
                  ? change.version
                  : 0
            expect(changeVersion).toBeGreaterThan(last.get(idOf(change)) ?? 0)
            last.set(idOf(change), changeVersion)
          }
        }

        // Same members, connections and data as the server's replica.
        const expected = new Map<string, WireConnection[]>()
        for (const wire of live()) expected.set(wire.userId, [...(expected.get(wire.userId) ?? []), wire])
        const state = room.get()
        expect(new Set(state.members.map((member) => member.userId))).toEqual(new Set(expected.keys()))
        for (const member of state.members) {
          const want = expected.get(member.userId)!
          const got = new Map(
            member.connections.map((connection) => [connection.connectionId, connection.data]),
          )
          expect(got).toEqual(new Map(want.map((wire) => [wire.connectionId, wire.data])))
        }
        // Nobody who is gone shows as typing.
        for (const typer of state.typing) expect(expected.has(typer.userId)).toBe(true)

        // Events never repeat: a join only for an absent member, a leave only for a present one,
        // an update only when something visible changed.
        const present = new Set<string>()
        for (const event of events) {
          if (event.type === 'join') {
            expect(present.has(event.member.userId)).toBe(false)
            present.add(event.member.userId)
          } else if (event.type === 'leave') {
            expect(present.has(event.member.userId)).toBe(true)
            present.delete(event.member.userId)
          } else if (event.type === 'update') {
            expect(present.has(event.member.userId)).toBe(true)
            expect(event.member).not.toBe(event.previous)
          }
        }
        expect(present).toEqual(new Set(expected.keys()))
        client.destroy()
        fanOut.stop()
      }),
      { numRuns: 400 },
    )
  })
})
