import { defineConfig, type UserConfig } from 'tsdown'
import { pureAnnotations } from '../../scripts/pure-annotations'

const shared = {
  format: 'esm',
  dts: true,
  platform: 'neutral',
  target: 'es2022',
  clean: true,
  // Every export is a hook, a component or the provider: in a React Server Components app the whole
  // entry is client code. The directive goes on the output because the bundler drops module-level
  // directives from sources it merges.
  banner: { js: "'use client';" },
  // The declaration build is slow by nature; its timing warning says nothing the user can act on.
  checks: { pluginTimings: false },
  // Module-level calls marked pure, so that an app's bundler drops what it does not import.
  plugins: [pureAnnotations()],
  deps: {
    neverBundle: [
      /^react($|\/)/,
      /^react-dom($|\/)/,
      /^@presence-kit\/core($|\/)/,
      /^@presence-kit\/react($|\/)/,
      /^@tanstack\//,
    ],
  },
} satisfies UserConfig

export default defineConfig([
  {
    ...shared,
    entry: { index: 'src/index.ts', search: 'src/search.ts' },
    // The stylesheet lives once in the core; users of this package import it from here.
    copy: [{ from: '../core/styles/presence.css', to: 'dist', rename: 'styles.css' }],
  },
  // The hover card, built on its own so that the main entry shares no chunk with it (a shared
  // chunk costs the main entry bytes). It takes the client's context from the main entry.
  { ...shared, entry: { 'hover-card': 'src/hover-card.ts' }, clean: false },
])
