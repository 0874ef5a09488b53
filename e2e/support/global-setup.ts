import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { buildExample } from './examples.js'
import { selectedExamples, selectedFrameworks } from './frameworks.js'
import { REPO_ROOT } from './paths.js'

/**
 * Builds both demos once before the suite, the way they are deployed: a static folder (and a
 * development build beside it, `dist-dev`, for the devtools); and the
 * example apps, each for its framework's production server. The packages they use must be built
 * already (`pnpm build`), since workspace packages resolve to their `dist`.
 */
export default function buildApps(): void {
  for (const framework of selectedFrameworks()) {
    const app = join(REPO_ROOT, 'apps', `${framework}-demo`)
    const vite = join(
      dirname(createRequire(join(app, 'package.json')).resolve('vite/package.json')),
      'bin',
      'vite.js',
    )
    if (!existsSync(vite)) throw new Error(`vite is not installed in ${app}: run pnpm install.`)
    const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
      cwd: app,
      stdio: 'inherit',
    })
    if (result.status !== 0) throw new Error(`Building the ${framework} demo failed (see above).`)
    // A development build as well, for the devtools test: the demos load the devtools only when
    // import.meta.env.DEV is true, which Vite derives from NODE_ENV.
    const development = spawnSync(
      process.execPath,
      [vite, 'build', '--logLevel', 'warn', '--outDir', 'dist-dev', '--emptyOutDir'],
      { cwd: app, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'development' } },
    )
    if (development.status !== 0)
      throw new Error(`Building the ${framework} demo for development failed (see above).`)
  }
  for (const example of selectedExamples()) buildExample(example)
}
