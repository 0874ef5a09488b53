import { defineConfig } from 'tsdown'

export default defineConfig({
  entry: { index: 'src/index.ts', dom: 'src/dom.ts', ui: 'src/ui/index.ts', testing: 'src/testing/index.ts' },
  format: 'esm',
  dts: true,
  platform: 'neutral',
  target: 'es2022',
  clean: true,
  external: ['zustand', 'zustand/vanilla'],
})
