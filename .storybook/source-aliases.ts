import { fileURLToPath } from 'node:url'
import type { Alias } from 'vite'

const packages = (path: string) => fileURLToPath(new URL(`../packages/${path}`, import.meta.url))

/**
 * Stories import the packages by their published names and get their sources, so Storybook shows
 * the code as it is now (no build needed first) and the props tables come from the sources.
 * Subpaths come before their package, since Vite takes the first alias that matches.
 */
export const sourceAliases: Alias[] = [
  {
    find: /^@presence-kit\/(?:core|react|vue)\/styles\.css$/,
    replacement: packages('core/styles/presence.css'),
  },
  { find: /^@presence-kit\/core\/ui$/, replacement: packages('core/src/ui/index.ts') },
  { find: /^@presence-kit\/core\/testing$/, replacement: packages('core/src/testing/index.ts') },
  { find: /^@presence-kit\/core\/inspect$/, replacement: packages('core/src/inspect/index.ts') },
  { find: /^@presence-kit\/devtools\/react$/, replacement: packages('devtools/src/react.ts') },
  { find: /^@presence-kit\/devtools$/, replacement: packages('devtools/src/index.ts') },
  { find: /^@presence-kit\/core$/, replacement: packages('core/src/index.ts') },
  { find: /^@presence-kit\/react\/search$/, replacement: packages('react/src/search.ts') },
  { find: /^@presence-kit\/vue\/search$/, replacement: packages('vue/src/search.ts') },
  { find: /^@presence-kit\/react\/hover-card$/, replacement: packages('react/src/hover-card.ts') },
  { find: /^@presence-kit\/vue\/hover-card$/, replacement: packages('vue/src/hover-card.ts') },
  { find: /^@presence-kit\/react$/, replacement: packages('react/src/index.ts') },
  { find: /^@presence-kit\/vue$/, replacement: packages('vue/src/index.ts') },
]

/** One copy of each framework, whichever package imports it. */
export const dedupe = ['react', 'react-dom', 'vue']
