import { defineConfig } from 'tsdown'

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: 'esm',
  dts: true,
  // Read by the server (Node) and by the client adapter (browsers): nothing platform-specific.
  platform: 'neutral',
  target: 'es2022',
  clean: true,
})
