// Vitest's type checking passes every project the same `--tsBuildInfoFile` (a file inside its own
// dist folder), so the core, React and Vue type tests, which run side by side, would read and write
// one incremental state: a half-written file, or another project's results taken for this one's.
// This runs the real checker with a build-info file of the project's own instead.
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** @param {'typescript/bin/tsc' | 'vue-tsc/bin/vue-tsc.js'} checkerBin */
export function runChecker(checkerBin) {
  const args = process.argv.slice(2)
  const project = createHash('sha256').update(process.cwd()).update(args.join('\0')).digest('hex')
  const at = args.indexOf('--tsBuildInfoFile')
  if (at !== -1) args[at + 1] = join(tmpdir(), `presence-kit-types-${project.slice(0, 16)}.tsbuildinfo`)
  const bin = createRequire(join(process.cwd(), 'package.json')).resolve(checkerBin)
  const child = spawn(process.execPath, [bin, ...args], { stdio: 'inherit' })
  child.on('exit', (code, signal) => {
    if (signal) process.kill(process.pid, signal)
    else process.exit(code ?? 1)
  })
}
