import type { ConnectionInput, LeaveInput, RosterFactory } from '@presence-kit/core'
import { bigRoomRoster } from '@presence-kit/core/big-rooms'
import { Presence } from 'phoenix'
import { createKitRoom } from './kit-room.js'
import { median } from './measure.js'
import {
  churnEvents,
  kitInput,
  phoenixDiff,
  phoenixEntry,
  userId,
  type BenchEvent,
  type PhoenixState,
} from './workload.js'

function noop(): void {}

export interface GrowthPoint {
  readonly members: number
  /** Microseconds per event, median of the runs: the default roster (a Map), then bigRoomRoster. */
  readonly syncUs: number
  readonly frameUs: number
  readonly bigSyncUs: number
  readonly bigFrameUs: number
  readonly phoenixUs: number
}

/**
 * Per-event cost as the room grows: the same joins and leaves (alternating, so the room keeps its
 * size) into a room of `members`, through the kit with `batch: 'sync'` (a commit per event), the
 * kit with its default frame batching (a commit per `eventsPerCommit` events, what one frame holds
 * at the event rate), each with the default roster and with `bigRoomRoster`, and Phoenix's
 * `Presence.syncDiff`. Inputs are decoded before the clock starts;
 * only applying them (and committing) is timed. A run stops after `events`, or after a pair once
 * `budgetMs` has passed (a slow side is then timed on fewer events, never on a longer clock).
 */
export function growth(options: {
  members: number
  events: number
  eventsPerCommit: number
  runs: number
  budgetMs: number
}): GrowthPoint {
  const { members, eventsPerCommit, budgetMs } = options
  const { warmup, events } = churnEvents(members, options.events)
  const sync: number[] = []
  const frame: number[] = []
  const bigSync: number[] = []
  const bigFrame: number[] = []
  const phoenix: number[] = []
  // One untimed run of each first, so none is timed while its code is still being compiled.
  kitRun('sync')
  kitRun('flush')
  kitRun('sync', bigRoomRoster)
  kitRun('flush', bigRoomRoster)
  phoenixRun()
  for (let run = 0; run < options.runs; run++) {
    sync.push(kitRun('sync'))
    frame.push(kitRun('flush'))
    bigSync.push(kitRun('sync', bigRoomRoster))
    bigFrame.push(kitRun('flush', bigRoomRoster))
    phoenix.push(phoenixRun())
  }
  return {
    members,
    syncUs: median(sync),
    frameUs: median(frame),
    bigSyncUs: median(bigSync),
    bigFrameUs: median(bigFrame),
    phoenixUs: median(phoenix),
  }

  /** Microseconds per event of one run. */

  function kitRun(batch: 'sync' | 'flush', roster?: RosterFactory): number {
    const { room, sink, destroy } = createKitRoom(batch, roster)
    sink.snapshot(warmup.map(kitInput))
    room.flush()
    const inputs: (ConnectionInput | LeaveInput)[] = events.map(kitInput)
    globalThis.gc?.()
    const start = performance.now()
    let applied = 0
    while (applied < inputs.length) {
      const input = inputs[applied++]!
      if ('data' in input) sink.join(input)
      else sink.leave(input)
      if (batch === 'flush' && applied % eventsPerCommit === 0) room.flush()
      if (applied % 2 === 0 && performance.now() - start > budgetMs) break
    }
    room.flush()
    const elapsed = performance.now() - start
    if (room.get().count !== members) throw new Error(`kit ended with ${room.get().count} members`)
    destroy()
    return (elapsed * 1000) / applied
  }

  function phoenixRun(): number {
    const snapshot: PhoenixState = {}
    for (const event of warmup) snapshot[userId(event.index)] = phoenixEntry(event.index)
    let state = Presence.syncState({}, snapshot, noop, noop)
    const diffs = events.map((event: BenchEvent) => phoenixDiff(event))
    globalThis.gc?.()
    const start = performance.now()
    let applied = 0
    while (applied < diffs.length) {
      state = Presence.syncDiff(state, diffs[applied++]!, noop, noop)
      if (applied % 2 === 0 && performance.now() - start > budgetMs) break
    }
    const elapsed = performance.now() - start
    if (Object.keys(state).length !== members) throw new Error('phoenix ended with the wrong count')
    return (elapsed * 1000) / applied
  }
}
