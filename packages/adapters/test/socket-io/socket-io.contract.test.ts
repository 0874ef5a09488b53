import { DEFAULT_BATCH_WINDOW_MS } from '@presence-kit/server'
import { runAdapterContract } from '../contract/run-adapter-contract.js'
import { startReferenceServerBackend } from './reference-server-backend.js'

// The real socket.io-client against the real reference server (in memory, on loopback): once with
// every change sent on its own, once with the server's default batching, where the adapter gets
// `presence:batch` frames.
runAdapterContract('socket-io', {
  setup: () => startReferenceServerBackend({ batchWindowMs: 0 }),
  timeoutMs: 20_000,
})
runAdapterContract('socket-io (batched)', {
  setup: () => startReferenceServerBackend({ batchWindowMs: DEFAULT_BATCH_WINDOW_MS }),
  timeoutMs: 20_000,
})
