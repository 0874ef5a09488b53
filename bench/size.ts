import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { bundle, type Bundler } from './size/bundle.js'

/**
 * Bundle size as users pay it: each entry bundled from the built package with its dependencies
 * (zustand included for the core), minified, then gzipped. Fails when an entry is over its ceiling
 * (what it weighs today: it moves down when the entry shrinks, and up only by what a new feature
 * measurably costs) or over its hard limit.
 * Then single imports (`AvatarStack` only, `usePresence` only) from the React and Vue entries,
 * each with esbuild and with Vite: what an app pays for one part shows whether bundlers can drop
 * the rest. Fails when one is over its ceiling, or when `AvatarStack` alone is over 65% of its
 * whole entry under the same bundler.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..')

interface Entry {
  readonly name: string
  /** What a user's app would import. */
  readonly source: string
  readonly external: readonly string[]
  /** The most it may weigh today (min+gzip). */
  readonly ceilingBytes: number
  /** The most it may ever weigh, whatever it buys. */
  readonly hardLimitBytes?: number
}

const entries: Entry[] = [
  {
    name: '@presence-kit/core',
    source: `export * from '@presence-kit/core'`,
    external: [],
    hardLimitBytes: 9_500,
    // 9,010 B, plus the room-name rule and the server-rendering client and its browser check (about 224 B).
    // The guards on store subscribers and adapter calls cost 144 B.
    // The inspection hook (a tap on adapter input, a read of the deadlines, the inspect key): 85 B;
    // what reads and formats it is in `@presence-kit/core/inspect`.
    // Count-only rooms and room.retry() (about +380 B), paid for by a leaner model (-403 B: a
    // committed-roster index built on demand, one id check, fewer guards): 9,463 B before, 9,439 B after.
    // Internal property names (`_name`) shortened at build time (scripts/mangle-internals.ts):
    // 9,439 B before, 9,355 B after.
    // The rooms' inspection hook set in the constructor, not as a method with a computed key (which
    // esbuild counted as a side effect, keeping the whole core in apps that import one hook): +1 B.
    // isPlainObject from the protocol package's guards: 9,356 B before, 9,355 B after.
    // The `roster` option (where a room keeps its members; `members` read through it, built when
    // first read): 9,355 B before, 9,445 B after. The chunked roster itself is in
    // `@presence-kit/core/big-rooms`, paid only by apps that import it.
    ceilingBytes: 9_445,
  },
  {
    // The roster for rooms of thousands: a commit costs what changed, not the room's size.
    // Chunks of 512 copied on write: 358 B. One array of slots and a log of writes per commit
    // (no copy per write, so 'sync' costs the same at 1,000 and 100,000 members): 489 B.
    name: '@presence-kit/core/big-rooms',
    source: `export * from '@presence-kit/core/big-rooms'`,
    external: [],
    ceilingBytes: 489,
  },
  {
    // Activity from the page's input and visibility, for browser apps.
    name: '@presence-kit/core/dom',
    source: `export * from '@presence-kit/core/dom'`,
    external: [],
    ceilingBytes: 340,
  },
  {
    // Headless component logic, shared by the React and Vue components.
    name: '@presence-kit/core/ui',
    source: `export * from '@presence-kit/core/ui'`,
    external: [],
    // Holds everything the React and Vue components share (list model, prop checks, labels),
    // so each framework's entry stays thin.
    // The list and popover controllers (about 810 B), status text with relative times, the shared
    // clock, computed avatar contrast and one-letter initials (about 615 B).
    // Honest states: the stale roster, the connection badge's failure, deadline and reserved room
    // (365 B). "left 2 min ago" worded per locale (88 B).
    // OnlineList's search (the incremental member filter and the search box's controller, which
    // only the search entries below import) and the stale strip: 725 B.
    // People you can explore: the member hover card's controller, the stack's select handlers and
    // the typing word (1,114 B).
    // The search box's reserved room for its count of matches, so the input never moves (75 B).
    // Count-only rooms: the member list's count and "N online" (81 B).
    // One reader for wording overrides, the palette's text colours written out (checked by a test),
    // the id hash on TextEncoder: 8,898 B before count-only rooms and these, 8,829 B after.
    // Sorted lists in chunks of 512 (a commit copies the chunks it touches, not the roster), read by
    // position, with the search's matches kept the same way: 8,829 B before, 9,185 B after.
    // The sorter keeps no index of the members beside its chunks: 9,185 B before, 9,066 B after.
    // A commit's events and count place the members without reading `members` (never joined
    // from a chunked roster), and the snapshot reads them when asked: 9,066 B before, 9,125 B after.
    // A patch copies each chunk at most once, and finds chunks and positions with one binary
    // search: 9,125 B before, 9,109 B after.
    // One keyed cache for formatters, names and snapshots, no module-level leftovers kept by
    // bundlers, the palette marked pure: 9,109 B before, 9,067 B after.
    // The default order finds its collator once per list, not once per comparison (a first sort of
    // 100,000 members about 25% faster): 9,067 B before, 9,090 B after.
    // One sort shared by the lists of a room in one order (the avatar stack and the online list),
    // one comparator per locale (a first roster of 100,000 in two lists: 782 ms against 1,511 ms
    // for two full sorts, `pnpm bench:ui`): 9,090 B before, 9,127 B after.
    // A list's row capacity steps by a sixteenth of a long list, not 1,024 rows, so a 100,000-member
    // room drifting by a few thousand no longer lays every row out again (Chromium page, two runs
    // each: worst frame 57-62 / 47-76 ms before, 40-43 / 36 ms after, React / Vue): 9,127 B before,
    // 9,143 B after.
    ceilingBytes: 9_143,
  },
  {
    // The inspection API the devtools read: subscribe to adapter input and commits, read internals.
    name: '@presence-kit/core/inspect',
    source: `export * from '@presence-kit/core/inspect'`,
    external: [],
    ceilingBytes: 1_314,
  },
  {
    // The devtools panel, with the inspection API, the simulated crowd and the store (an app that
    // loads the devtools has the store already). Apps load it lazily, in development only: a
    // production bundle that does not import it pays nothing (see e2e/tests/devtools.spec.ts).
    name: '@presence-kit/devtools',
    source: `export * from '@presence-kit/devtools'`,
    external: [],
    // Measured from the built core, as apps get it, since it is tree-shakeable under esbuild: 15,274 B before
    // (measured with the core's sources), 15,255 B after.
    // The memory hub copies a snapshot's entries once each, straight into what the client gets, and
    // the simulated crowd keeps two numbers per user (the demos' switch to 100,000 members: React
    // 2.66 s before, 1.88 s after, to the count on screen): 15,255 B before, 15,374 B after.
    // The hub builds a connection from an entry in one function, copied or not: 15,373 B.
    ceilingBytes: 15_373,
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
    hardLimitBytes: 25_000,
    // @tanstack/vue-virtual is about 5.5 KB of it.
    // Plus the controllers' bindings (about 410 B), status badges, status text and avatar
    // loading, order and ring (about 840 B).
    // The core guards on store subscribers and adapter calls cost 147 B.
    // Honest states (stale list and stack, badge failure with retry and deadline): 500 B.
    // "left 2 min ago" worded per locale: 78 B.
    // The list's frame with the held stale strip, the `search` prop's hook-up (the box itself is in
    // @presence-kit/vue/search) and rooms asked once per client: 248 B.
    // The core's inspection hook (the tap slot and the inspect key): 85 B.
    // Focusable, selectable stack avatars, typing in list rows, the `#card` slot: 305 B.
    // Count-only rooms and the badge's retry through room.retry() (about +580 B), paid for by the
    // core's and core/ui's savings and props declared by type alone: 24,923 B before, 24,766 B after.
    // Measured with the published core from here on (24,729 B on the same code), then the core's
    // internal names shortened at build time: 24,655 B.
    // isPlainObject from the protocol package's guards (the same code, bundled in another order):
    // 24,652 B before, 24,653 B after.
    // Sorted lists in chunks, read by position by OnlineList and AvatarStack: 24,653 B before,
    // 24,981 B after.
    // The sorter keeps no index of the members beside its chunks: 24,981 B before, 24,872 B after.
    // The core's `roster` option, and lists placed from a commit's events and count without reading
    // `members` (usePresence's refs made from one list of fields, -7 B): 24,872 B before, 24,999 B after.
    // A list patch copies each chunk at most once, one binary search: 24,999 B before, 24,984 B after.
    // Callers' names in room-name messages and the room prop's report watcher in development only,
    // core/ui's keyed cache and no module-level leftovers: 24,984 B before, 24,867 B after.
    // The default order finds its collator once per list, not once per comparison (a first sort of
    // 100,000 members about 25% faster): 24,867 B before, 24,884 B after.
    // A default row's content a component apart from the row, so the commits that move every row's
    // aria-setsize re-render the rows, not what they show (about 6% less garbage per frame on the
    // 100,000-member page; React's was already apart and is now memoised): 24,884 B before,
    // 24,920 B after.
    // One full sort shared by the avatar stack and the online list of a room: 24,920 B before,
    // 24,967 B after.
    // A row capacity that steps by a sixteenth of a long list: 24,967 B before, 24,981 B after.
    ceilingBytes: 24_981,
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
    hardLimitBytes: 25_000,
    // The controllers' bindings (about
    // 480 B), status badges, status text and avatar loading, order and ring (about 810 B), the
    // client factory and the room-name rule (about 140 B).
    // The core guards on store subscribers and adapter calls cost 155 B.
    // Honest states (stale list and stack, badge failure with retry and deadline): 483 B.
    // "left 2 min ago" worded per locale: 84 B.
    // The list's frame with the held stale strip, the `search` prop's hook-up (the box itself is in
    // @presence-kit/react/search) and rooms asked once per client: 248 B.
    // The core's inspection hook (the tap slot and the inspect key): 71 B.
    // Focusable, selectable stack avatars, typing in list rows, the `card` prop: 316 B.
    // The "+N" chip and item isolated in a <bdi>, so right-to-left pages read "+3": 11 B.
    // Count-only rooms and retry through room.retry() (about +560 B), paid for by the core's and
    // core/ui's savings: 24,538 B before, 24,433 B after.
    // Measured with the published core from here on (24,376 B on the same code), then the core's
    // internal names shortened at build time: 24,302 B.
    // isPlainObject from the protocol package's guards (the same code, bundled in another order):
    // 24,301 B before, 24,303 B after.
    // Sorted lists in chunks, read by position by OnlineList and AvatarStack: 24,303 B before,
    // 24,652 B after.
    // The sorter keeps no index of the members beside its chunks: 24,652 B before, 24,550 B after.
    // The core's `roster` option, and lists placed from a commit's events and count without reading
    // `members`: 24,550 B before, 24,676 B after.
    // A list patch copies each chunk at most once, one binary search: 24,676 B before, 24,661 B after.
    // Callers' names in room-name messages in development only, core/ui's keyed cache and no
    // module-level leftovers: 24,661 B before, 24,583 B after.
    // The default order finds its collator once per list, not once per comparison (a first sort of
    // 100,000 members about 25% faster): 24,583 B before, 24,596 B after.
    // One full sort shared by the avatar stack and the online list of a room: 24,596 B before,
    // 24,628 B after.
    // A row capacity that steps by a sixteenth of a long list: 24,628 B before, 24,648 B after.
    ceilingBytes: 24_648,
  },
  {
    // OnlineList's search box, opt-in: what an app adds to the React entry for `search`. Bundled
    // alone (core/ui parts included), so it overstates the cost next to the entry, which shares them.
    name: '@presence-kit/react/search',
    source: `export { createOnlineListSearch } from '@presence-kit/react/search'`,
    external: ['react', 'react-dom', 'react/jsx-runtime'],
    // With the count of matches' reserved room (+164 B: 1,601 B before, 1,765 B after).
    // Measured from the built core, as apps get it, since it is tree-shakeable under esbuild: 1,768 B before
    // (measured with the core's sources), 2,035 B after.
    // The matches kept in chunks like the list: 2,035 B before, 2,247 B after.
    // A patch copies each chunk at most once, one binary search: 2,247 B before, 2,241 B after.
    // The avatar palette, marked pure, no longer kept: 2,241 B before, 2,085 B after.
    ceilingBytes: 2_085,
  },
  {
    name: '@presence-kit/vue/search',
    source: `export { createOnlineListSearch } from '@presence-kit/vue/search'`,
    external: ['vue', '@vue/*'],
    // With the count of matches' reserved room (+160 B: 1,635 B before, 1,795 B after).
    // Measured from the built core, as apps get it, since it is tree-shakeable under esbuild: 1,788 B before
    // (measured with the core's sources), 2,053 B after.
    // The matches kept in chunks like the list: 2,053 B before, 2,267 B after.
    // A patch copies each chunk at most once, one binary search: 2,267 B before, 2,262 B after.
    // The avatar palette, marked pure, no longer kept: 2,262 B before, 2,105 B after.
    ceilingBytes: 2_105,
  },
  {
    // The member hover card, opt-in: alone, with what it uses of core/ui and of the main entry.
    // An app that has the main entry already pays less.
    name: '@presence-kit/react/hover-card',
    source: `export { MemberHoverCard } from '@presence-kit/react/hover-card'`,
    external: ['react', 'react-dom', 'react/jsx-runtime'],
    // Count-only rooms and room.retry() in what it uses of the main entry: 7 B.
    // Measured from the built core, as apps get it, since it is tree-shakeable under esbuild: 4,482 B before
    // (measured with the core's sources), 4,493 B after.
    // core/ui's keyed cache and no module-level leftovers: 4,492 B before, 4,465 B after.
    ceilingBytes: 4_465,
  },
  {
    name: '@presence-kit/vue/hover-card',
    source: `export { MemberHoverCard } from '@presence-kit/vue/hover-card'`,
    external: ['vue', '@vue/*'],
    // Measured from the built core, as apps get it, since it is tree-shakeable under esbuild: 4,486 B before
    // (measured with the core's sources), 4,494 B after.
    // core/ui's chunked lists, bundled alongside (the same code in another order): 4,495 B.
    // usePresence's refs made from one list of fields, bundled alongside: 4,496 B.
    // core/ui's keyed cache and no module-level leftovers: 4,496 B before, 4,469 B after.
    ceilingBytes: 4_467,
  },
]

const REACT_EXTERNAL = ['react', 'react-dom', 'react/jsx-runtime']
const VUE_EXTERNAL = ['vue', '@vue/*']

/** One export imported alone, built with one bundler. */
interface SingleImport {
  readonly from: '@presence-kit/react' | '@presence-kit/vue'
  readonly name: 'AvatarStack' | 'usePresence'
  readonly bundler: Bundler
  /** The most it may weigh (min+gzip). */
  readonly ceilingBytes: number
  /** The largest share of the whole entry (same bundler) it may take. */
  readonly maxShareOfEntry?: number
}

/** AvatarStack alone may take at most this share of its whole entry, under each bundler. */
const AVATAR_STACK_MAX_SHARE = 0.65

/**
 * The most each single import may weigh (min+gzip), by package, export and bundler: what they
 * weighed once every bundler could drop the rest, so they can only grow by what a feature costs.
 */
const SINGLE_IMPORT_CEILINGS: Record<
  SingleImport['from'],
  Record<SingleImport['name'], Record<Bundler, number>>
> = {
  // AvatarStack grew by its stale state (greyed avatars, the group's "last known" name), about 200 B.
  // The member list's search hook-up and rooms asked once per client: about 100 B on AvatarStack,
  // 10 to 20 B on usePresence. Focusable, selectable avatars and the card slot: about 225 B.
  // The "+N" chip's <bdi> (right-to-left pages read "+3"): 7 to 14 B on AvatarStack.
  // Count-only rooms (the count as the stack's total, the plain "+N" chip, `mode` in the
  // snapshot): 82 to 102 B on AvatarStack, 14 to 20 B on usePresence.
  // Under esbuild, measured from the built core (as apps get it) once the core's main entry
  // tree-shakes there (its rooms' class had a computed key, which esbuild counts as a side effect:
  // `usePresence` alone then kept the whole core, 8,469 B for React): before, from the core's
  // sources, React 6,386 / 946 B and Vue 6,743 / 1,182 B.
  // The room's sorted list in chunks, read by position (about 320 B on AvatarStack; 1 B on React's
  // usePresence, the same code in another order).
  // The sorter without its own index of the members: about 130 B less on AvatarStack.
  // The core's `roster` option and lists placed without reading `members`: about 55 B on
  // AvatarStack, 1 to 3 B on usePresence.
  // A list patch that copies each chunk at most once, with one binary search: 10 to 16 B less on
  // AvatarStack.
  // The avatar palette marked pure, so that usePresence alone no longer keeps it, and the callers'
  // names in development only: usePresence 1,107 / 1,463 B before, 950 / 1,355 B after (React,
  // esbuild / Vite), 1,347 / 1,678 B before, 1,176 / 1,571 B after (Vue); AvatarStack 6,745 /
  // 7,731 B before, 6,699 / 7,721 B after (React), 6,995 B before, 6,928 B after (Vue, esbuild).
  // The default order's collator found once per list: 9 to 25 B on AvatarStack.
  // One full sort shared by the lists of a room in one order: 33 to 50 B on AvatarStack.
  '@presence-kit/react': {
    AvatarStack: { esbuild: 6_750, vite: 7_796 },
    usePresence: { esbuild: 950, vite: 1_355 },
  },
  '@presence-kit/vue': {
    AvatarStack: { esbuild: 6_979, vite: 8_061 },
    usePresence: { esbuild: 1_176, vite: 1_571 },
  },
}

const singleImports: SingleImport[] = Object.entries(SINGLE_IMPORT_CEILINGS).flatMap(([from, byName]) =>
  Object.entries(byName).flatMap(([name, byBundler]) =>
    Object.entries(byBundler).map(([bundler, ceilingBytes]) => ({
      from: from as SingleImport['from'],
      name: name as SingleImport['name'],
      bundler: bundler as Bundler,
      ceilingBytes,
      ...(name === 'AvatarStack' ? { maxShareOfEntry: AVATAR_STACK_MAX_SHARE } : {}),
    })),
  ),
)

const resolveDir = join(root, 'bench')
let over = 0
/** Each whole entry's min+gzip size by bundler, for the single imports' shares. */
const wholeEntry = new Map<string, number>()

for (const entry of entries) {
  const { minified, gzipped } = await bundle('esbuild', entry.source, entry.external, resolveDir)
  wholeEntry.set(`${entry.name} esbuild`, gzipped)
  const problems: string[] = []
  if (gzipped > entry.ceilingBytes) problems.push(`over its ceiling of ${entry.ceilingBytes} bytes`)
  if (entry.hardLimitBytes !== undefined && gzipped > entry.hardLimitBytes) {
    problems.push(`over its hard limit of ${entry.hardLimitBytes} bytes`)
  }
  if (problems.length > 0) over++
  const hardLimit = entry.hardLimitBytes === undefined ? '' : `, hard limit ${entry.hardLimitBytes} bytes`
  console.log(
    `size ${entry.name}: ${gzipped} bytes min+gzip (${minified} min), ceiling ${entry.ceilingBytes} bytes${hardLimit}: ` +
      (problems.length === 0 ? 'holds' : `EXCEEDED (${problems.join(', ')})`),
  )
}

// The framework entries again under Vite: the base of the Vite shares below.
for (const entry of entries.filter(
  (e) => e.name === '@presence-kit/react' || e.name === '@presence-kit/vue',
)) {
  const { minified, gzipped } = await bundle('vite', entry.source, entry.external, resolveDir)
  wholeEntry.set(`${entry.name} vite`, gzipped)
  console.log(`size ${entry.name} (vite): ${gzipped} bytes min+gzip (${minified} min)`)
}

for (const single of singleImports) {
  const external = single.from === '@presence-kit/react' ? REACT_EXTERNAL : VUE_EXTERNAL
  const source = `export { ${single.name} } from '${single.from}'`
  const { minified, gzipped } = await bundle(single.bundler, source, external, resolveDir)
  const whole = wholeEntry.get(`${single.from} ${single.bundler}`)!
  const share = gzipped / whole
  const problems: string[] = []
  if (gzipped > single.ceilingBytes) problems.push(`over its ceiling of ${single.ceilingBytes} bytes`)
  if (single.maxShareOfEntry !== undefined && share > single.maxShareOfEntry) {
    problems.push(`over ${Math.round(single.maxShareOfEntry * 100)}% of the whole entry`)
  }
  if (problems.length > 0) over++
  const shareLimit =
    single.maxShareOfEntry === undefined ? '' : ` (at most ${Math.round(single.maxShareOfEntry * 100)}%)`
  console.log(
    `size ${single.from} { ${single.name} } only (${single.bundler}): ${gzipped} bytes min+gzip (${minified} min), ` +
      `${(share * 100).toFixed(1)}% of the whole entry${shareLimit}, ceiling ${single.ceilingBytes} bytes: ` +
      (problems.length === 0 ? 'holds' : `EXCEEDED (${problems.join(', ')})`),
  )
}
if (over > 0) process.exit(1)
