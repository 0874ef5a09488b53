import { defineConfig } from 'tsdown'
import { mangleInternals } from '../../scripts/mangle-internals'
import { pureAnnotations } from '../../scripts/pure-annotations'

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    dom: 'src/dom.ts',
    ui: 'src/ui/index.ts',
    testing: 'src/testing/index.ts',
    inspect: 'src/inspect/index.ts',
    'big-rooms': 'src/big-rooms/index.ts',
  },
  format: 'esm',
  dts: true,
  platform: 'neutral',
  target: 'es2022',
  clean: true,
  // The declaration build is slow by nature; its timing warning says nothing the user can act on.
  checks: { pluginTimings: false },
  // Module-level calls marked pure, so that an app's bundler drops what it does not import; the
  // package's internal property names (`_name`) shortened, so that a rule in a file of its own
  // costs no bytes (see scripts/mangle-internals.ts).
  plugins: [pureAnnotations(), mangleInternals()],
  deps: { neverBundle: ['zustand', 'zustand/vanilla'] },
})
