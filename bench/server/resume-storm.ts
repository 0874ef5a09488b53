import { loadavg } from 'node:os'
import { parseArgs } from 'node:util'
import { performance } from 'node:perf_hooks'
import { createPresenceToken } from '@presence-kit/server'
import { ConnectionTable } from './big-room-connections.js'
import { LightClient } from './big-room-light-client.js'
import { SECRET, processUsage, startNode, startRedis, type Managed } from './processes.js'
import { sleep, until } from './stats.js'

/**
 * What a node pays when a whole room resumes at once, as after a cut on a starved machine: one
 * node and Redis, `--clients` light clients joined in one room, then every client's transport cut
 * together `--storms` times; each reconnects, watches again (a snapshot of the whole room) and
 * joins again. Prints the node's CPU time per storm and how long the room took to be whole on
 * every client again. BENCH_SERVER_CLI picks the server build, so two builds run A/B.
 */
const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: { clients: { type: 'string' }, storms: { type: 'string' } },
})
const clients = Number(values.clients ?? 1000)
const storms = Number(values.storms ?? 3)
const room = 'storm'
const load = () => loadavg()[0]?.toFixed(1)

const started: Managed[] = []
try {
  const redis = await startRedis()
  started.push(redis)
  const node = await startNode(redis.url, 'storm-node')
  started.push(node)
  console.log(
    `resume storm: ${clients} light clients in one room on one node (${process.env.BENCH_SERVER_CLI ?? 'this build'}); load ${load()}`,
  )
  const table = new ConnectionTable()
  const counters = { frames: 0, changes: 0, cutConnections: 0, cutReasons: new Map<string, number>() }
  const members: LightClient[] = []
  for (let index = 0; index < clients; index++) {
    const userId = `user-${index}`
    const token = createPresenceToken({ userId }, SECRET)
    members.push(new LightClient(userId, { url: node.url, token, room, table, counters }))
    if (index % 50 === 49) await sleep(20)
  }
  const whole = () => members.every((each) => each.count === clients)
  if (!(await until(() => members.every((each) => each.synced), 120_000, 100))) throw new Error('no snapshot')
  for (const each of members) each.join({ at: 0 })
  if (!(await until(whole, 120_000, 100))) throw new Error('the room did not fill')

  for (let storm = 1; storm <= storms; storm++) {
    const snapshotsBefore = members.map((each) => each.snapshots)
    const nodeBefore = processUsage(node.pid)
    const selfBefore = process.cpuUsage()
    const startedAt = performance.now()
    for (const each of members) each.cutTransport()
    const resumed = await until(
      () => members.every((each, index) => each.snapshots > (snapshotsBefore[index] ?? 0)) && whole(),
      300_000,
      50,
    )
    const seconds = (performance.now() - startedAt) / 1000
    const nodeAfter = processUsage(node.pid)
    const self = process.cpuUsage(selfBefore)
    const nodeCpuMs = (nodeAfter?.cpuMs ?? Number.NaN) - (nodeBefore?.cpuMs ?? Number.NaN)
    console.log(
      `storm ${storm}: ${resumed ? 'every client resumed with the whole room' : 'NOT RESUMED in time'} in ` +
        `${seconds.toFixed(2)} s; node CPU ${(nodeCpuMs / 1000).toFixed(2)} s ` +
        `(${((nodeCpuMs * 1000) / clients).toFixed(0)} µs a resume), clients' process CPU ` +
        `${((self.user + self.system) / 1e6).toFixed(2)} s; load ${load()}`,
    )
    await sleep(1000)
  }
  for (const each of members) each.close()
} finally {
  await Promise.all(started.toReversed().map((each) => each.stop()))
}
process.exit(0)
