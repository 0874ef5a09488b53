import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// The avatar pictures are shared by both demos, so other users' pages load the same files.
const publicDir = fileURLToPath(new URL('../demo-shared/public', import.meta.url))

export default defineConfig({
  plugins: [react()],
  publicDir,
  // Relative asset paths: the built page works from any folder or port.
  base: './',
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  build: { target: 'es2022' },
})
