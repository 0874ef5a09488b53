import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../..', import.meta.url))

/**
 * `npm test` builds the Storybook in a step of its own before the tests; run alone, the tests build
 * it here when there is no build yet.
 */
export default function setup(): void {
  const built = ['storybook-static/index.json', 'storybook-static/vue/index.json'].every((path) =>
    existsSync(`${root}/${path}`),
  )
  if (built) return
  const result = spawnSync('pnpm', ['run', 'build-storybook'], { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) throw new Error('pnpm build-storybook failed; the lines above say why.')
}
