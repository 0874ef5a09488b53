import { afterAll, afterEach, beforeAll } from 'vitest'
import { closeAllClients } from './clients.js'
import type { NodeProcess } from './node-process.js'
import { startRedis, type TestRedis } from './redis.js'

export interface ClusterLifecycle {
  /** The file's own Redis, started before its first test. */
  redis(): TestRedis
  /** Has the node killed after the test (resumed first, if a test stopped it). */
  track(node: NodeProcess): NodeProcess
  /** Runs after each test, once its nodes are gone. */
  afterEachTest(cleanup: () => Promise<void>): void
}

/** One Redis for a test file; every client and node a test made is gone before the next test. */
export function useClusterLifecycle(): ClusterLifecycle {
  let redis: TestRedis | undefined
  let nodes: NodeProcess[] = []
  const cleanups: Array<() => Promise<void>> = []
  beforeAll(async () => {
    redis = await startRedis()
  })
  afterAll(async () => {
    await redis?.stop()
  })
  afterEach(async () => {
    closeAllClients()
    for (const node of nodes) if (!node.exited()) node.child.kill('SIGCONT')
    await Promise.all(nodes.map((node) => node.kill('SIGKILL')))
    nodes = []
    for (const cleanup of cleanups) await cleanup()
  })
  return {
    redis() {
      if (redis === undefined) throw new Error('the test Redis is not started yet')
      return redis
    },
    track(node) {
      nodes.push(node)
      return node
    },
    afterEachTest(cleanup) {
      cleanups.push(cleanup)
    },
  }
}
