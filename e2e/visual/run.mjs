#!/usr/bin/env node
// `pnpm test:visual`: the screenshot tests of every story (not yet part of `pnpm e2e` and `npm test`:
// their baselines are written anew once the components' new look is complete). `pnpm test:visual --update` writes every baseline anew from the current build, after
// a change to the components' look; review the new pictures before committing them.
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const args = process.argv.slice(2).map((arg) => (arg === '--update' ? '--update-snapshots=all' : arg))
const result = spawnSync(process.execPath, [join(here, '..', 'run.mjs'), '--project', 'visual', ...args], {
  stdio: 'inherit',
  env: { ...process.env, PRESENCE_VISUAL: '1' },
})
process.exit(result.status ?? 1)
