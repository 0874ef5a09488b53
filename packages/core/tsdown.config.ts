import { defineConfig } from 'tsdown'
import { pureAnnotations } from '../../scripts/pure-annotations'

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    dom: 'src/dom.ts',
    ui: 'src/ui/index.ts',
    testing: 'src/testing/index.ts',
    inspect: 'src/inspect/index.ts',
  },
  format: 'esm',
  dts: true,
  platform: 'neutral',
  target: 'es2022',
  clean: true,
  // The declaration build is slow by nature; its timing warning says nothing the user can act on.
  checks: { pluginTimings: false },
  // Module-level calls marked pure, so that an app's bundler drops what it does not import.
  plugins: [pureAnnotations()],
  deps: { neverBundle: ['zustand', 'zustand/vanilla'] },
})
