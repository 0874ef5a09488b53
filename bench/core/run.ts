import { execFileSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ingest } from './ingest.js'
import { report } from './measure.js'
import { snapshot } from './snapshot.js'

/**
 * The core benchmarks against Phoenix's own Presence, on the same input in the same run.
 * `--quick` runs small sizes so the benchmarks are exercised in every test run; its figures are
 * not the ones to quote.
 */
const quick = process.argv.includes('--quick')
const here = dirname(fileURLToPath(import.meta.url))

console.log(quick ? 'bench:core (quick run: small sizes, figures not representative)' : 'bench:core')

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
  5,
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

const members = quick ? 10_000 : 100_000
const bytesPerMember = (which: string) =>
  Number(
    execFileSync(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', join(here, 'memory.ts'), which, String(members)],
      {
        encoding: 'utf8',
      },
    ).trim(),
  )
report(
  `memory (${members.toLocaleString('en')} members)`,
  bytesPerMember('kit'),
  'phoenix state',
  bytesPerMember('phoenix'),
  'bytes/member',
  false,
  1,
)
