import { machineLoad, report } from '../core/measure.js'

/**
 * `pnpm bench:react`: the React and Vue components in real Chromium on the same scenario (React
 * and Vue on one line), then the React components against seed 000's hand-written hook in jsdom,
 * on the same events in the same run.
 * `--quick` runs small sizes so that both are exercised in every test run; its figures are not
 * the ones to quote.
 */
const quick = process.argv.includes('--quick')
console.log(quick ? 'bench:react (quick run: small sizes, figures not representative)' : 'bench:react')
console.log(machineLoad())

// Chromium first: Playwright must not see the jsdom globals the second part installs.
const { runFrameworkBench } = await import('../browser/frameworks/run.js')
const browserOk = await runFrameworkBench({ quick })

// jsdom must be the global environment before React loads.
await import('./dom-globals.js')
const { jsdomBurst } = await import('./jsdom-burst.js')
const steady = quick ? 2_000 : 10_000
const burst = quick ? 200 : 1_000
const label = `${steady.toLocaleString('en')} members, ${burst.toLocaleString('en')} joins and leaves one per task`
// The production build users ship is the headline; the profiling build (slower commits, for
// both sides) follows for comparison with earlier figures.
for (const build of ['production', 'profiling'] as const) {
  const { kit, peer } = await jsdomBurst({ steady, burst, runs: quick ? 1 : 3, build })
  const where = `${label}, react-dom ${build} build`
  report(`jsdom burst time (${where})`, kit.totalMs, 'seed-000 hook', peer.totalMs, 'ms', false, 20)
  report(`jsdom burst commits (${where})`, kit.commits, 'seed-000 hook', peer.commits, 'commits', false)
}
console.log(machineLoad())

process.exit(browserOk ? 0 : 1)
