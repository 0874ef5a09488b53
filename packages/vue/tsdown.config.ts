import { defineConfig } from 'tsdown'

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: 'esm',
  dts: true,
  platform: 'neutral',
  target: 'es2022',
  clean: true,
  // The declaration build is slow by nature; its timing warning says nothing the user can act on.
  checks: { pluginTimings: false },
  deps: { neverBundle: [/^vue($|\/)/, /^@vue\//, /^@presence-kit\/core($|\/)/, /^@tanstack\//] },
  // The stylesheet lives once in the core; users of this package import it from here.
  copy: [{ from: '../core/styles/presence.css', to: 'dist', rename: 'styles.css' }],
})
