import { machineLoad } from '../core/measure.js'
import { runDemoCrowdBench } from './demo-crowd.js'
import { runFrameworkBench } from './frameworks/run.js'

/**
 * `pnpm bench:browser`: React and Vue in Chromium on the same scenario, then the demos' crowd
 * switch, built for production and on Vite's dev server (as `npm start` serves them). `--quick` runs the first at small sizes only (the demos' builds take longer than the
 * rest of a quick run); its figures are not the ones to quote.
 */
const quick = process.argv.includes('--quick')
console.log(machineLoad())
const ok = await runFrameworkBench({ quick })
if (!quick) {
  await runDemoCrowdBench('production')
  await runDemoCrowdBench('development')
}
console.log(machineLoad())
process.exit(ok ? 0 : 1)
