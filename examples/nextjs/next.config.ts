import type { NextConfig } from 'next'
import { fileURLToPath } from 'node:url'

const config: NextConfig = {
  // The workspace root, where pnpm keeps the packages this app links to.
  turbopack: { root: fileURLToPath(new URL('../..', import.meta.url)) },
  // `pnpm typecheck` checks this app with the rest of the workspace.
  typescript: { ignoreBuildErrors: true },
}

export default config
