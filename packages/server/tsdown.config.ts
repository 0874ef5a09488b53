import { defineConfig } from 'tsdown'

export default defineConfig({
  entry: { index: 'src/index.ts', cli: 'src/cli.ts' },
  format: 'esm',
  dts: true,
  platform: 'node',
  target: 'node20',
  clean: true,
  // The declaration build is slow by nature; its timing warning says nothing the user can act on.
  checks: { pluginTimings: false },
  fixedExtension: false,
})
