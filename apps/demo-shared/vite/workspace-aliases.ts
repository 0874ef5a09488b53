import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const adaptersRoot = fileURLToPath(new URL('../../../packages/adapters/', import.meta.url))

/**
 * `@presence-kit/adapters/socket-io` from the adapters' sources while their package does not export
 * that subpath yet; the published export wins as soon as it is there.
 */
export function workspaceAliases(): Record<string, string> {
  const manifest = `${adaptersRoot}package.json`
  const exportsSocketIo =
    existsSync(manifest) &&
    Object.hasOwn(
      (JSON.parse(readFileSync(manifest, 'utf8')) as { exports?: object }).exports ?? {},
      './socket-io',
    )
  return exportsSocketIo
    ? {}
    : { '@presence-kit/adapters/socket-io': `${adaptersRoot}src/socket-io/index.ts` }
}
