#!/usr/bin/env node
// Runs the Playwright suite against both demos and closes with one line, "e2e: N passed, N failed,
// N skipped". Exits non-zero on any failure, any skipped test, or a run that ran no test at all.
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runPlaywright } from './support/run-playwright.mjs'

const here = dirname(fileURLToPath(import.meta.url))
process.exit(
  runPlaywright({
    name: 'e2e',
    config: join(here, 'playwright.config.ts'),
    report: join(here, '..', '.reports', 'e2e', 'results.json'),
    args: process.argv.slice(2),
  }),
)
