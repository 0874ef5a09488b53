import { Presence } from 'phoenix'
import { createKitRoom } from './kit-room.js'
import { median } from './measure.js'
import { churnEvents, kitInput, phoenixDiff, type BenchEvent, type PhoenixState } from './workload.js'

function noop(): void {}

function freezeMember(input: ReturnType<typeof kitInput>) {
  return Object.freeze({ userId: input.userId, connections: Object.freeze([Object.freeze({ ...input })]) })
}

/**
 * Events per second through the kit's store and through Phoenix's `Presence.syncDiff`. Each burst
 * is decoded into fresh objects just before it is applied, as messages arriving from a socket
 * are, and only applying it is timed; the kit commits once per burst (one frame).
 */
export function ingest(options: { steady: number; events: number; burst: number; runs: number }) {
  const { warmup, events } = churnEvents(options.steady, options.events)
  const bursts: BenchEvent[][] = []
  for (let i = 0; i < events.length; i += options.burst) bursts.push(events.slice(i, i + options.burst))

  const kitTimes: number[] = []
  const phoenixTimes: number[] = []
  const floorTimes: number[] = []
  // One untimed run of each first, so neither side is timed while its code is still being compiled.
  kitRun()
  phoenixRun()
  floorRun()
  for (let run = 0; run < options.runs; run++) {
    kitTimes.push(kitRun())
    phoenixTimes.push(phoenixRun())
    floorTimes.push(floorRun())
  }

  function kitRun(): number {
    const { room, sink, destroy } = createKitRoom()
    sink.snapshot(warmup.map(kitInput))
    room.flush()
    globalThis.gc?.()
    let total = 0
    for (const burst of bursts) {
      const inputs = burst.map(kitInput)
      const start = performance.now()
      for (const input of inputs) {
        if ('data' in input) sink.join(input)
        else sink.leave(input)
      }
      room.flush()
      total += performance.now() - start
    }
    if (room.get().count !== options.steady) throw new Error(`kit ended with ${room.get().count} members`)
    destroy()
    return total
  }

  function phoenixRun(): number {
    let state: PhoenixState = {}
    for (const event of warmup) state = Presence.syncDiff(state, phoenixDiff(event), noop, noop)
    globalThis.gc?.()
    let total = 0
    for (const burst of bursts) {
      const diffs = burst.map(phoenixDiff)
      const start = performance.now()
      for (const diff of diffs) state = Presence.syncDiff(state, diff, noop, noop)
      total += performance.now() - start
    }
    if (Object.keys(state).length !== options.steady) throw new Error('phoenix ended with the wrong count')
    return total
  }

  /**
   * What any store that hands out an immutable roster pays at least, with none of the rules: one
   * Map write per event of a frozen member holding a frozen connection, and one frozen copy of the
   * roster per burst. No validation, versions, tombstones, statuses or change tracking. It is
   * there to show how much of the budget the work itself leaves.
   */
  function floorRun(): number {
    const members = new Map<string, unknown>()
    for (const event of warmup) members.set(kitInput(event).userId, freezeMember(kitInput(event)))
    globalThis.gc?.()
    let total = 0
    for (const burst of bursts) {
      const inputs = burst.map(kitInput)
      const start = performance.now()
      for (const input of inputs) {
        if ('data' in input) {
          Object.freeze(input.data)
          members.set(input.userId, freezeMember(input))
        } else members.delete(input.userId)
      }
      Object.freeze([...members.values()])
      total += performance.now() - start
    }
    if (members.size !== options.steady) throw new Error(`floor ended with ${members.size} members`)
    return total
  }

  return {
    kitPerSecond: (events.length / median(kitTimes)) * 1000,
    phoenixPerSecond: (events.length / median(phoenixTimes)) * 1000,
    floorPerSecond: (events.length / median(floorTimes)) * 1000,
  }
}
