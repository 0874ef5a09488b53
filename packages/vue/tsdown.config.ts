import { copyFile, mkdir } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { defineConfig } from 'tsdown'

// The one stylesheet lives in the core; the package ships a copy so users import it from here.
const stylesheet = new URL('../core/styles/presence.css', import.meta.url)

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: 'esm',
  dts: true,
  platform: 'neutral',
  target: 'es2022',
  clean: true,
  external: [/^vue($|\/)/, /^@vue\//, /^@presence-kit\/core($|\/)/, /^@tanstack\/vue-virtual($|\/)/],
  hooks: {
    'build:done': async () => {
      if (!existsSync(stylesheet)) return
      await mkdir(new URL('./dist/', import.meta.url), { recursive: true })
      await copyFile(stylesheet, new URL('./dist/styles.css', import.meta.url))
    },
  },
})
