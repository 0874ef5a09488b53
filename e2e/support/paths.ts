import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
/** Kept after the run: screenshots of both demos, the JSON report, traces of failures. */
export const REPORT_DIR = join(REPO_ROOT, '.reports', 'e2e')
