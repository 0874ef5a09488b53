import { execFileSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { growth, type GrowthPoint } from './growth.js'
import { ingest } from './ingest.js'
import { machineLoad, report } from './measure.js'
import { snapshot } from './snapshot.js'

/**
 * The core benchmarks against Phoenix's own Presence, on the same input in the same run.
 * `--quick` runs small sizes so the benchmarks are exercised in every test run; its figures are
 * not the ones to quote.
 */
const quick = process.argv.includes('--quick')
const here = dirname(fileURLToPath(import.meta.url))

console.log(quick ? 'bench:core (quick run: small sizes, figures not representative)' : 'bench:core')
console.log(machineLoad())

const ing = quick
  ? ingest({ steady: 1_000, events: 10_000, burst: 1_000, runs: 3 })
  : ingest({ steady: 10_000, events: 100_000, burst: 1_000, runs: 7 })
report(
  'ingest (joins and leaves per second)',
  ing.kitPerSecond,
  'phoenix syncDiff',
  ing.phoenixPerSecond,
  'events/s',
  true,
  // At least twice Phoenix's speed with every rule on.
  2,
)
// No target: what an immutable roster alone costs on this input, with none of the rules, for scale.
console.log(
  `ingest floor (frozen members in a Map, none of the rules): ${Math.round(ing.floorPerSecond)} events/s, ` +
    `${(ing.floorPerSecond / ing.phoenixPerSecond).toFixed(2)}x phoenix syncDiff; ` +
    `the kit runs at ${Math.round((100 * ing.kitPerSecond) / ing.floorPerSecond)}% of it`,
)

const snap = quick ? snapshot({ members: 10_000, runs: 3 }) : snapshot({ members: 100_000, runs: 5 })
report(
  `snapshot (${quick ? '10,000' : '100,000'} members)`,
  snap.kitFirst,
  'phoenix syncState',
  snap.phoenixFirst,
  'ms',
  false,
  3,
)
report(
  `resync (same ${quick ? '10,000' : '100,000'} members)`,
  snap.kitResync,
  'phoenix syncState',
  snap.phoenixResync,
  'ms',
  false,
  3,
)

// The growth curve: what one event costs as the room grows, committed at once ('sync') and with the
// default frame batching, against Phoenix on the same events.
const EVENTS_PER_FRAME = 17 // 1,000 events a second, at 60 frames a second
const sizes = quick ? [1_000, 10_000] : [1_000, 10_000, 100_000]
const n = (value: number) => value.toLocaleString('en')
const us = (value: number) =>
  value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2)
console.log(
  `growth, microseconds per event (joins and leaves alternating; frame batching commits every ${EVENTS_PER_FRAME} events, ` +
    'one frame at 1,000 events/s; above 1 the kit is faster):',
)
const curve: GrowthPoint[] = []
const versus = (kit: number, phoenix: number) => `${us(kit)} us (${(phoenix / kit).toFixed(2)}x phoenix)`
for (const members of sizes) {
  // 20,000 events a run: enough that several young-generation collections fall in each run. With
  // 2,000, one collection more or less (5-7 ms) moved a figure by 3 microseconds.
  const point = quick
    ? growth({ members, events: 200, eventsPerCommit: EVENTS_PER_FRAME, runs: 1, budgetMs: 100 })
    : growth({ members, events: 20_000, eventsPerCommit: EVENTS_PER_FRAME, runs: 3, budgetMs: 1_500 })
  curve.push(point)
  console.log(
    `  ${n(members)} members: batch 'sync' ${versus(point.syncUs, point.phoenixUs)}, ` +
      `with bigRoomRoster ${versus(point.bigSyncUs, point.phoenixUs)}; ` +
      `frame batching ${versus(point.frameUs, point.phoenixUs)}, ` +
      `with bigRoomRoster ${versus(point.bigFrameUs, point.phoenixUs)}; phoenix syncDiff ${us(point.phoenixUs)} us`,
  )
}
const smallest = curve[0]!
const largest = curve[curve.length - 1]!
// The targets are read on bigRoomRoster, the roster for rooms this size; the default (a Map,
// copied at each commit) is printed above for scale.
for (const [label, pick] of [
  ['default roster', (p: GrowthPoint) => p.syncUs],
  ['bigRoomRoster', (p: GrowthPoint) => p.bigSyncUs],
] as const) {
  const growthRatio = pick(largest) / pick(smallest)
  console.log(
    `batch 'sync' per event from ${n(smallest.members)} to ${n(largest.members)} members, ${label}: ` +
      `${us(pick(smallest))} us to ${us(pick(largest))} us, ${growthRatio.toFixed(2)}x` +
      (label === 'bigRoomRoster' ? ` (target: within 2x: ${growthRatio <= 2 ? 'met' : 'MISSED'})` : ''),
  )
}
report(
  `batch 'sync' at ${n(largest.members)} members, bigRoomRoster`,
  largest.bigSyncUs,
  'phoenix syncDiff',
  largest.phoenixUs,
  'us/event',
  false,
  1,
)
for (const point of curve.filter((p) => p.members >= 10_000)) {
  report(
    `frame batching at ${n(point.members)} members, bigRoomRoster`,
    point.bigFrameUs,
    'phoenix syncDiff',
    point.phoenixUs,
    'us/event',
    false,
    3,
  )
}

// Retained memory per member on two member shapes, each side in a process of its own, its input
// dropped before the heap is read.
const members = quick ? 10_000 : 100_000
const bytesPerMember = (which: string, shape: string) =>
  Number(
    execFileSync(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', join(here, 'memory.ts'), which, shape, String(members)],
      { encoding: 'utf8' },
    ).trim(),
  )
for (const [shape, label] of [
  ['phoenix-meta', 'phx_ref, online_at, name'],
  ['bench', "the benchmarks' member: name, avatarUrl, status"],
] as const) {
  const phoenix = bytesPerMember('phoenix', shape)
  report(
    `memory (${n(members)} members; ${label})`,
    bytesPerMember('kit', shape),
    'phoenix state',
    phoenix,
    'bytes/member',
    false,
    1,
  )
  report(
    `memory with bigRoomRoster (${n(members)} members; ${label})`,
    bytesPerMember('kit-big', shape),
    'phoenix state',
    phoenix,
    'bytes/member',
    false,
    1,
  )
}
console.log(machineLoad())
