import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineProject } from 'vitest/config'

const local = (path: string) => fileURLToPath(new URL(path, import.meta.url))
// The client adapter lives in the adapters package; its tests run here, against this server.
const socketIoClient = dirname(createRequire(import.meta.url).resolve('socket.io-client/package.json'))

export default defineProject({
  resolve: {
    alias: [
      { find: /^@presence-kit\/core$/, replacement: local('../core/src/index.ts') },
      { find: /^@presence-kit\/protocol$/, replacement: local('../protocol/src/index.ts') },
      {
        find: /^@presence-kit\/adapters\/socket-io$/,
        replacement: local('../adapters/src/socket-io/index.ts'),
      },
      { find: /^socket\.io-client$/, replacement: socketIoClient },
    ],
  },
  test: {
    name: 'server',
    environment: 'node',
    include: ['test/**/*.test.ts'],
    // Deadlines that stop a hung test, above the 60 s a node process is given to start: under
    // other builds a start has taken over 20 s.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Multi-node tests start their own Redis and server processes: one file at a time on 2 cores.
    fileParallelism: false,
  },
})
