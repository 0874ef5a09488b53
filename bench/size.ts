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
    // 9,010 B, plus the room-name rule and the server-rendering client and its browser check (about 224 B).
    // The guards on store subscribers and adapter calls cost 144 B.
    ceilingBytes: 9_380,
  },
  {
    // Activity from the page's input and visibility, for browser apps.
    name: '@presence-kit/core/dom',
    source: `export * from '@presence-kit/core/dom'`,
    external: [],
    budgetBytes: 512,
  },
  {
    // Headless component logic, shared by the React and Vue components.
    name: '@presence-kit/core/ui',
    source: `export * from '@presence-kit/core/ui'`,
    external: [],
    // Holds everything the React and Vue components share (list model, prop checks, labels),
    // so each framework's entry stays thin.
    budgetBytes: 5 * 1024,
    // The list and popover controllers (about 810 B), status text with relative times, the shared
    // clock, computed avatar contrast and one-letter initials (about 615 B).
    // Honest states: the stale roster, the connection badge's failure, deadline and reserved room
    // (365 B). "left 2 min ago" worded per locale (88 B).
    ceilingBytes: 6_990,
  },
  {
    // What a Vue app pays: createPresenceClient (the store: every app makes one), the plugin, the
    // composables and the five components, with core/ui and @tanstack/vue-virtual bundled in; Vue
    // itself is the app's. Without createPresenceClient the store would be shaken out and the
    // figure would flatter the entry.
    name: '@presence-kit/vue',
    source: `export {
      createPresenceClient, createPresencePlugin, providePresence, usePresenceClient, useRoom,
      usePresence, useRoomState, useMyPresence, useTyping, useMember, useActivityStatus,
      useConnectionStatus, usePresenceEvent, useLocalActivity,
      OnlineList, AvatarStack, TypingIndicator, ActivityDot, ConnectionStatus,
    } from '@presence-kit/vue'`,
    external: ['vue', '@vue/*'],
    budgetBytes: 20 * 1024,
    // Over by about what the core is over its own budget; @tanstack/vue-virtual is about 5.5 KB.
    // Plus the controllers' bindings (about 410 B), status badges, status text and avatar
    // loading, order and ring (about 840 B).
    // The core guards on store subscribers and adapter calls cost 147 B.
    // Honest states (stale list and stack, badge failure with retry and deadline): 500 B.
    // "left 2 min ago" worded per locale: 78 B.
    ceilingBytes: 24_310,
  },
  {
    // What a React app pays: createPresenceClient (the store: every app makes one), the provider,
    // the hooks and the five components, with core/ui and @tanstack/react-virtual bundled in; React
    // itself is the app's. Without createPresenceClient the store would be shaken out.
    name: '@presence-kit/react',
    source: `export {
      createPresenceClient,
      PresenceProvider, usePresenceClient, useRoom, usePresence, useRoomState, useMyPresence, useTyping,
      useMember, useActivityStatus, useConnectionStatus, usePresenceEvent, useLocalActivity, useMemberList,
      OnlineList, AvatarStack, TypingIndicator, ActivityDot, ConnectionStatus,
    } from '@presence-kit/react'`,
    external: ['react', 'react-dom', 'react/jsx-runtime'],
    budgetBytes: 20 * 1024,
    // Over by about what the core is over its own budget, plus the controllers' bindings (about
    // 480 B), status badges, status text and avatar loading, order and ring (about 810 B), the
    // client factory and the room-name rule (about 140 B).
    // The core guards on store subscribers and adapter calls cost 155 B.
    // Honest states (stale list and stack, badge failure with retry and deadline): 483 B.
    // "left 2 min ago" worded per locale: 84 B.
    ceilingBytes: 23_880,
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
