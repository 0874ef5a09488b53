import { installDom } from './dom.js'

/**
 * bench:vue: the jsdom burst. A room of `members`, then joins and leaves delivered one per task,
 * through the kit (`usePresence` + `OnlineList`) and through the seed document's Vue composition
 * (a Set and a new array on every event, a plain list), in the same run on the same events. The
 * time is from the first event until the page shows the final roster. `--quick` runs small sizes
 * so the benchmark is exercised in every test run; its figures are not the ones to quote.
 */
const quick = process.argv.includes('--quick')
installDom()
// Vue reads the DOM globals as it loads, so it is imported only now.
const { burstEvents, runKit, runSeed } = await import('./run-burst.js')
const { median, report } = await import('../core/measure.js')

const members = quick ? 2_000 : 10_000
const eventCount = quick ? 200 : 1_000
const runs = 3
console.log(quick ? 'bench:vue (quick run: small sizes, figures not representative)' : 'bench:vue')

const { events, finalCount } = burstEvents(members, eventCount)
const kit: number[] = []
const seed: number[] = []
let kitRows = 0
let seedRows = 0
// Warm both up on a small room (JIT, Vue's first renders), then alternate, so that a noisy
// neighbour on the machine hits both sides alike.
const warmup = burstEvents(1_000, 100)
await runKit(1_000, warmup.events, warmup.finalCount)
await runSeed(1_000, warmup.events, warmup.finalCount)
for (let run = 0; run < runs; run++) {
  const k = await runKit(members, events, finalCount)
  const s = await runSeed(members, events, finalCount)
  kit.push(k.elapsed)
  seed.push(s.elapsed)
  kitRows = k.rows
  seedRows = s.rows
}
const n = (value: number) => value.toLocaleString('en')
report(
  `jsdom burst (${n(members)} members, then ${n(eventCount)} joins and leaves one per task)`,
  median(kit),
  'seed composition',
  median(seed),
  'ms',
  false,
  // The target is for the full sizes; a quick run only shows that both sides still work.
  quick ? undefined : 20,
)
console.log(`DOM rows after the burst: kit ${kitRows}, seed composition ${seedRows}`)
