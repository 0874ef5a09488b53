import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ConnectionInput } from '../../src/adapter.js'
import type { PresenceEvent } from '../../src/events.js'
import type { PresenceStatus } from '../../src/types.js'
import { setupRoom } from '../fixtures/setup.js'

/**
 * The store against a small reference model. A "server" applies random joins, updates and leaves
 * in order (the truth); the client receives them perturbed as real networks do: duplicated,
 * locally reordered, lost across reconnects (then resynced by a snapshot, with later diffs arriving
 * before it). After the grace period, the store must show exactly the server's members, their
 * connections, data and statuses, and its events must never repeat a join, a leave or a no-op update.
 */

type Activity = { inactiveMs: number; hidden: boolean; away: boolean }
type TrueEvent =
  | { kind: 'join' | 'update'; input: ConnectionInput }
  | { kind: 'leave'; userId: string; connectionId: string; version: number }

type Op =
  | { type: 'join'; user: number; data: number; activity: number }
  | { type: 'update'; pick: number; data: number; activity: number }
  | { type: 'leave'; pick: number }
  | { type: 'reconnect'; earlyDiffs: number }

const USERS = ['ada', 'grace', 'linus', '__proto__', 'margaret']
const ACTIVITIES: Activity[] = [
  { inactiveMs: 0, hidden: false, away: false },
  { inactiveMs: 0, hidden: true, away: false },
  { inactiveMs: 0, hidden: false, away: true },
]

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant('join' as const),
      user: fc.nat(USERS.length - 1),
      data: fc.nat(3),
      activity: fc.nat(2),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant('update' as const),
      pick: fc.nat(),
      data: fc.nat(3),
      activity: fc.nat(2),
    }),
  },
  { weight: 3, arbitrary: fc.record({ type: fc.constant('leave' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('reconnect' as const), earlyDiffs: fc.nat(3) }) },
)

const perturbationArb = fc.record({
  duplicateEvery: fc.integer({ min: 2, max: 9 }),
  swapEvery: fc.integer({ min: 2, max: 9 }),
})

function statusOf(activities: Activity[]): PresenceStatus {
  const rank = (a: Activity): number => (a.away ? 2 : a.hidden ? 1 : 0)
  const best = Math.min(...activities.map(rank))
  return (['active', 'idle', 'away'] as const)[best]!
}

beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }))
afterEach(() => vi.useRealTimers())

describe('the store against a reference model', () => {
  it('ends with the server truth and never repeats an event', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 60 }), perturbationArb, (ops, perturb) => {
        const { room, sink, events } = setupRoom({ leaveGraceMs: 3_000 })
        room.watch()
        sink().status('connected', { connectionId: 'me-1' })
        sink().snapshot([])

        // The server's truth: live connections in order, each with its latest input.
        const live = new Map<string, ConnectionInput>()
        let version = 0
        let nextConnection = 0
        const history: TrueEvent[] = []
        const segments: {
          events: TrueEvent[]
          snapshotBefore?: { snapshot: ConnectionInput[]; early: number }
        }[] = [{ events: [] }]

        for (const op of ops) {
          const ids = [...live.keys()]
          let event: TrueEvent | undefined
          if (op.type === 'join') {
            const input = {
              userId: USERS[op.user]!,
              connectionId: `c${nextConnection++}`,
              version: ++version,
              data: { v: op.data },
              activity: ACTIVITIES[op.activity]!,
            }
            live.set(input.connectionId, input)
            event = { kind: 'join', input }
          } else if (op.type === 'update' && ids.length > 0) {
            const previous = live.get(ids[op.pick % ids.length]!)!
            const input = {
              ...previous,
              version: ++version,
              data: { v: op.data },
              activity: ACTIVITIES[op.activity]!,
            }
            live.set(input.connectionId, input)
            event = { kind: 'update', input }
          } else if (op.type === 'leave' && ids.length > 0) {
            const previous = live.get(ids[op.pick % ids.length]!)!
            live.delete(previous.connectionId)
            event = {
              kind: 'leave',
              userId: previous.userId,
              connectionId: previous.connectionId,
              version: ++version,
            }
          } else if (op.type === 'reconnect') {
            segments.push({
              events: [],
              snapshotBefore: { snapshot: [...live.values()], early: op.earlyDiffs },
            })
          }
          if (event !== undefined) {
            history.push(event)
            segments.at(-1)!.events.push(event)
          }
        }

        const deliver = (e: TrueEvent) => {
          const copy = structuredClone(e)
          if (copy.kind === 'leave') sink().leave(copy)
          else if (copy.kind === 'join') sink().join(copy.input)
          else sink().update(copy.input)
        }

        for (const segment of segments) {
          // Perturb: duplicate some events and swap some neighbours.
          const stream: TrueEvent[] = []
          segment.events.forEach((e, i) => {
            stream.push(e)
            if (i % perturb.duplicateEvery === 0) stream.push(e)
          })
          for (let i = 1; i < stream.length; i += perturb.swapEvery) {
            ;[stream[i - 1], stream[i]] = [stream[i]!, stream[i - 1]!]
          }
          if (segment.snapshotBefore !== undefined) {
            sink().status('reconnecting')
            sink().status('connected', { connectionId: 'me-1' })
            // Diffs that overtake the snapshot are buffered and replayed after it.
            const early = stream.splice(0, segment.snapshotBefore.early)
            early.forEach(deliver)
            sink().snapshot(structuredClone(segment.snapshotBefore.snapshot))
          }
          stream.forEach(deliver)
        }
        vi.advanceTimersByTime(3_000)

        // Same members, connections, data and statuses as the server.
        const expected = new Map<string, ConnectionInput[]>()
        for (const c of live.values()) expected.set(c.userId, [...(expected.get(c.userId) ?? []), c])
        const state = room.get()
        expect(new Set(state.members.map((m) => m.userId))).toEqual(new Set(expected.keys()))
        for (const member of state.members) {
          const want = expected.get(member.userId)!
          const got = new Map(member.connections.map((c) => [c.connectionId, c.data]))
          expect(got).toEqual(new Map(want.map((c) => [c.connectionId, c.data])))
          expect(member.status).toBe(statusOf(want.map((c) => c.activity!)))
          expect(want.map((c) => c.data)).toContainEqual(member.data)
        }

        // Events never repeat: a join only for an absent member, a leave only for a present one,
        // an update only when something visible changed.
        const present = new Set<string>()
        for (const event of events as PresenceEvent[]) {
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
        room.leave()
      }),
      { numRuns: 1_000 },
    )
  })
})
