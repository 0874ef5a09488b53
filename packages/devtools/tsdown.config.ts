import { defineConfig } from 'tsdown'

export default defineConfig({
  entry: { index: 'src/index.ts', react: 'src/react.ts', vue: 'src/vue.ts' },
  format: 'esm',
  dts: true,
  platform: 'neutral',
  target: 'es2022',
  clean: true,
  // The declaration build is slow by nature; its timing warning says nothing the user can act on.
  checks: { pluginTimings: false },
  deps: { neverBundle: [/^react($|\/)/, /^vue($|\/)/, /^@vue\//, /^@presence-kit\/core($|\/)/] },
})
