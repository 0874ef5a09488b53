import { afterAll, beforeAll } from 'vitest'
import { runAdapterContract } from '../contract/run-adapter-contract.js'
import { startRedis, type LocalRedis } from '../support/redis.js'
import { startPrsmBackend } from './prsm-backend.js'

let redis: LocalRedis
beforeAll(async () => {
  redis = await startRedis()
})
afterAll(async () => {
  await redis?.stop()
})

// The real @prsm/realtime server and client on a real Redis.
runAdapterContract('prsm', { setup: () => startPrsmBackend(redis), timeoutMs: 20_000 })
