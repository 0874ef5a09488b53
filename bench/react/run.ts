import { report } from '../core/measure.js'

/**
 * `pnpm bench:react`: the kit alone in real Chromium against its frame budget, then the React
 * components against seed 000's hand-written hook in jsdom, on the same events in the same run.
 * `--quick` runs small sizes so that both are exercised in every test run; its figures are not
 * the ones to quote.
 */
const quick = process.argv.includes('--quick')
console.log(quick ? 'bench:react (quick run: small sizes, figures not representative)' : 'bench:react')

// Chromium first: Playwright must not see the jsdom globals the second part installs.
const { runBrowserBench } = await import('../browser/run-browser.js')
const browserOk = await runBrowserBench({ quick })

// jsdom must be the global environment before React loads.
await import('./dom-globals.js')
const { jsdomBurst } = await import('./jsdom-burst.js')
const steady = quick ? 2_000 : 10_000
const burst = quick ? 200 : 1_000
const { kit, peer } = await jsdomBurst({ steady, burst, runs: quick ? 1 : 3 })
const label = `${steady.toLocaleString('en')} members, ${burst.toLocaleString('en')} joins and leaves one per task`
report(`jsdom burst time (${label})`, kit.totalMs, 'seed-000 hook', peer.totalMs, 'ms', false, 20)
report(`jsdom burst commits (${label})`, kit.commits, 'seed-000 hook', peer.commits, 'commits', false)

process.exit(browserOk ? 0 : 1)
