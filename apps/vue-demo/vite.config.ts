import { fileURLToPath } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'

// The avatar pictures are shared by both demos, so other users' pages load the same files.
const publicDir = fileURLToPath(new URL('../demo-shared/public', import.meta.url))

export default defineConfig({
  plugins: [vue()],
  publicDir,
  // Relative asset paths: the built page works from any folder or port.
  base: './',
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  build: { target: 'es2022' },
})
