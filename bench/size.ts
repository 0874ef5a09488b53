import { build } from 'esbuild'
import { gzipSync } from 'node:zlib'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * Bundle size as users pay it: each entry bundled from the built package with its dependencies
 * (zustand included for the core), minified, then gzipped. Fails when an entry is over its budget.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..')

interface Entry {
  readonly name: string
  /** What a user's app would import. */
  readonly source: string
  readonly external: readonly string[]
  /** The size the entry is meant to fit in. */
  readonly budgetBytes: number
  /**
   * While an entry is still over its budget: the most it may weigh, so it can only shrink.
   * Remove once the budget is met.
   */
  readonly ceilingBytes?: number
}

const entries: Entry[] = [
  {
    name: '@presence-kit/core',
    source: `export * from '@presence-kit/core'`,
    external: [],
    budgetBytes: 6 * 1024,
    ceilingBytes: 9_600,
  },
  {
    // Headless component logic, shared by the React and Vue components.
    name: '@presence-kit/core/ui',
    source: `export * from '@presence-kit/core/ui'`,
    external: [],
    budgetBytes: 4 * 1024,
    // Over since the member list model, list layout, connection badge and prop checks joined it.
    ceilingBytes: 4_300,
  },
  {
    // What a React app imports: the provider, the hooks and the five components, with the core and
    // @tanstack/react-virtual bundled in; React itself is the app's.
    name: '@presence-kit/react',
    source: `export {
      PresenceProvider, usePresenceClient, useRoom, usePresence, useRoomState, useMyPresence, useTyping,
      useMember, useActivityStatus, useConnectionStatus, usePresenceEvent, useLocalActivity, useMemberList,
      OnlineList, AvatarStack, TypingIndicator, ActivityDot, ConnectionStatus,
    } from '@presence-kit/react'`,
    external: ['react', 'react-dom', 'react/jsx-runtime'],
    budgetBytes: 20 * 1024,
  },
  {
    // What a Vue app pays: the composables and components with the core, core/ui and the
    // virtualizer; Vue itself is the app's.
    name: '@presence-kit/vue',
    source: `export * from '@presence-kit/vue'`,
    external: ['vue', '@vue/*'],
    budgetBytes: 20 * 1024,
    // Over budget by what it bundles: @tanstack/vue-virtual (virtual-core 3.19) alone is about
    // 10 KB and the core about 9 KB min+gzip; the core's own 6 KB budget would bring it within.
    ceilingBytes: 27_500,
  },
]

let over = 0
for (const entry of entries) {
  const result = await build({
    stdin: { contents: entry.source, resolveDir: join(root, 'bench'), loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    external: [...entry.external],
    logLevel: 'silent',
  })
  const code = result.outputFiles[0]!.contents
  const gzipped = gzipSync(code, { level: 9 }).length
  const withinBudget = gzipped <= entry.budgetBytes
  const limit = entry.ceilingBytes ?? entry.budgetBytes
  if (gzipped > limit) over++
  const verdict = withinBudget
    ? 'within'
    : `OVER (target not met; must not exceed ${limit} bytes until it is: ${gzipped <= limit ? 'holds' : 'EXCEEDED'})`
  console.log(
    `size ${entry.name}: ${gzipped} bytes min+gzip (${code.length} min), budget ${entry.budgetBytes} bytes: ${verdict}`,
  )
}
if (over > 0) process.exit(1)
