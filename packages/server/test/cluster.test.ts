import { describe, expect, it } from 'vitest'
import { DEFAULT_CLUSTER_TIMINGS } from '../src/index.js'
import { connectClient, userIds } from './helpers/clients.js'
import { useClusterLifecycle } from './helpers/cluster-lifecycle.js'
import { health, startNode } from './helpers/node-process.js'
import { startRedis } from './helpers/redis.js'
import { waitFor } from './helpers/wait.js'

const FAST = { heartbeat: 200, ttl: 1000, sweep: 200 }

const cluster = useClusterLifecycle()
let nextId = 0

async function node(timings: typeof FAST | 'defaults' = FAST, nodeId = `node-${++nextId}`, port?: number) {
  const started = await startNode({
    redisUrl: cluster.redis().url,
    nodeId,
    ...(timings === 'defaults' ? {} : { timings }),
    ...(port === undefined ? {} : { port }),
  })
  return cluster.track(started)
}

/** Each test gets a room of its own: rooms of earlier tests may still be swept meanwhile. */
let roomCount = 0
const freshRoom = () => `room-${++roomCount}`

describe('several nodes on one Redis', () => {
  it('shows clients on different nodes to each other: joins, updates, typing, leaves', async () => {
    const [one, two] = await Promise.all([node(), node()])
    const name = freshRoom()
    const ada = connectClient(one.url, { id: 'ada', name: 'Ada' })
    const grace = connectClient(two.url, { id: 'grace', name: 'Grace' })
    const adaRoom = ada.client.room(name)
    const graceRoom = grace.client.room(name)
    adaRoom.join({ n: 1 })
    graceRoom.join({ n: 1 })
    await waitFor(
      () => userIds(adaRoom.get()),
      (ids) => ids.length === 2,
      'ada to see grace',
    )
    await waitFor(
      () => userIds(graceRoom.get()),
      (ids) => ids.length === 2,
      'grace to see ada',
    )
    expect(graceRoom.get('ada')?.info?.name).toBe('Ada')
    adaRoom.update({ n: 2 })
    await waitFor(
      () => graceRoom.get('ada')?.data.n,
      (n) => n === 2,
      'the update across nodes',
    )
    adaRoom.startTyping()
    await waitFor(
      () => graceRoom.get().typing.length,
      (count) => count === 1,
      'typing across nodes',
    )
    adaRoom.leave()
    await waitFor(
      () => graceRoom.isUserPresent('ada'),
      (present) => !present,
      'the leave across nodes',
    )
    // A client arriving later gets the roster of both nodes in its snapshot.
    const late = connectClient(one.url, { id: 'lin' })
    const lateRoom = late.client.room(name)
    lateRoom.watch()
    await waitFor(
      () => userIds(lateRoom.get()),
      (ids) => ids.join() === 'grace',
      'the snapshot from redis',
    )
  })

  it('removes a SIGKILLed node’s members on the other node within the heartbeat TTL', async () => {
    const [one, two] = await Promise.all([node(), node()])
    const name = freshRoom()
    const ada = connectClient(one.url, { id: 'ada' })
    const adaRoom = ada.client.room(name)
    adaRoom.join({})
    for (const id of ['grace', 'lin']) connectClient(two.url, { id }).client.room(name).join({})
    await waitFor(
      () => adaRoom.get().count,
      (count) => count === 3,
      'three members',
    )
    const killedAt = Date.now()
    await two.kill('SIGKILL')
    await waitFor(
      () => userIds(adaRoom.get()),
      (ids) => ids.join() === 'ada',
      'the dead node’s members to leave',
      5000,
    )
    const elapsed = Date.now() - killedAt
    // The key expires a sweep before the TTL, so the TTL holds. The margin is for what follows the
    // sweep (a publish, the fan-out, this poll) and for timers running late on a loaded machine.
    expect(elapsed).toBeLessThan(FAST.ttl + 750)
    // The log line is the sweeping node's: its own id in `node`, the dead one's in `deadNode`.
    const swept = one.lines
      .flatMap((line) => {
        try {
          return [JSON.parse(line) as Record<string, unknown>]
        } catch {
          return [] // stderr, or a line split across two reads
        }
      })
      .find((line) => line.msg === 'removed the members of a dead or restarted node')
    expect(swept).toMatchObject({ node: one.nodeId, deadNode: two.nodeId, removed: 2 })
    const late = connectClient(one.url, { id: 'zoe' })
    const lateRoom = late.client.room(name)
    lateRoom.watch()
    await waitFor(() => lateRoom.get().synced, Boolean, 'a fresh snapshot')
    expect(userIds(lateRoom.get())).toEqual(['ada'])
  })

  it('purges what a restarted node’s previous run left, before its TTL runs out', async () => {
    const slow = { heartbeat: 1000, ttl: 8000, sweep: 500 }
    const one = await node(slow)
    const two = await node(slow, 'restarting-node')
    const name = freshRoom()
    const ada = connectClient(one.url, { id: 'ada' })
    const adaRoom = ada.client.room(name)
    adaRoom.join({})
    const grace = connectClient(two.url, { id: 'grace' })
    grace.client.room(name).join({})
    await waitFor(
      () => adaRoom.get().count,
      (count) => count === 2,
      'two members',
    )
    await two.kill('SIGKILL')
    // Grace's tab goes with it. Left open, it would reconnect to the restarted node and be listed
    // again, and the moment between the purge and that rejoin is all this test could see.
    grace.close()
    const restartedAt = Date.now()
    await node(slow, 'restarting-node', two.port)
    await waitFor(
      () => adaRoom.isUserPresent('grace'),
      (present) => !present,
      'the old run’s member to go',
      // Waiting as long as the TTL: what proves the purge is the check below, that it came sooner.
      slow.ttl,
    )
    expect(Date.now() - restartedAt).toBeLessThan(slow.ttl)
  })

  it('takes a node’s members out at once when it shuts down gracefully', async () => {
    const slow = { heartbeat: 1000, ttl: 8000, sweep: 500 }
    const [one, two] = await Promise.all([node(slow), node(slow)])
    const name = freshRoom()
    const ada = connectClient(one.url, { id: 'ada' })
    const adaRoom = ada.client.room(name)
    adaRoom.join({})
    connectClient(two.url, { id: 'grace' }).client.room(name).join({})
    await waitFor(
      () => adaRoom.get().count,
      (count) => count === 2,
      'two members',
    )
    const stoppedAt = Date.now()
    expect(await two.kill('SIGTERM')).toBe(0)
    await waitFor(
      () => adaRoom.isUserPresent('grace'),
      (present) => !present,
      'grace to leave',
      4000,
    )
    expect(Date.now() - stoppedAt).toBeLessThan(slow.ttl)
  })

  it('survives Redis stopping and converges once it is back', async () => {
    const [one, two] = await Promise.all([node(), node()])
    const name = freshRoom()
    const ada = connectClient(one.url, { id: 'ada' })
    const grace = connectClient(two.url, { id: 'grace' })
    const adaRoom = ada.client.room(name)
    const graceRoom = grace.client.room(name)
    adaRoom.join({ n: 1 })
    graceRoom.join({ n: 1 })
    await waitFor(
      () => adaRoom.get().count + graceRoom.get().count,
      (sum) => sum === 4,
      'both see both',
    )

    await cluster.redis().stop()
    const downOne = await waitForHealth(one.url, 'degraded')
    expect(downOne.redis).toBe('down')
    // While Redis is away each node serves its own clients.
    graceRoom.update({ n: 2 })
    const lin = connectClient(one.url, { id: 'lin' })
    const linRoom = lin.client.room(name)
    linRoom.join({})
    await waitFor(() => adaRoom.isUserPresent('lin'), Boolean, 'lin on the same node')
    const zoe = connectClient(two.url, { id: 'zoe' })
    zoe.client.room(name).join({})
    await waitFor(() => graceRoom.isUserPresent('zoe'), Boolean, 'zoe on the same node')
    expect(one.exited() || two.exited()).toBe(false)

    await cluster.redis().restart()
    await waitForHealth(one.url, 'ok')
    await waitForHealth(two.url, 'ok')
    const everyone = 'ada,grace,lin,zoe'
    for (const room of [adaRoom, graceRoom, linRoom]) {
      await waitFor(
        () => userIds(room.get()).join(),
        (ids) => ids === everyone,
        'convergence',
        8000,
      )
    }
    await waitFor(
      () => adaRoom.get('grace')?.data.n,
      (n) => n === 2,
      'grace’s update made during the outage',
    )
    // And it keeps working: a change after the outage crosses nodes again.
    graceRoom.leave()
    await waitFor(
      () => adaRoom.isUserPresent('grace'),
      (present) => !present,
      'a leave after the outage',
    )
  })

  it('serves from memory when Redis is not there at start, and joins the cluster once it is', async () => {
    const late = await startRedis({ running: false })
    try {
      const [one, two] = await Promise.all([
        startNode({ redisUrl: late.url, nodeId: 'late-1', timings: FAST }),
        startNode({ redisUrl: late.url, nodeId: 'late-2', timings: FAST }),
      ])
      cluster.track(one)
      cluster.track(two)
      const name = freshRoom()
      const ada = connectClient(one.url, { id: 'ada' })
      const grace = connectClient(two.url, { id: 'grace' })
      const adaRoom = ada.client.room(name)
      const graceRoom = grace.client.room(name)
      adaRoom.join({})
      graceRoom.join({})
      await waitFor(() => adaRoom.get().synced && graceRoom.get().synced, Boolean, 'both served')
      expect(userIds(adaRoom.get())).toEqual(['ada'])
      await late.restart()
      await waitFor(
        () => userIds(adaRoom.get()).join(),
        (ids) => ids === 'ada,grace',
        'ada to see grace',
        8000,
      )
      await waitFor(
        () => userIds(graceRoom.get()).join(),
        (ids) => ids === 'ada,grace',
        'grace to see ada',
        8000,
      )
    } finally {
      await late.stop()
    }
  })

  it('removes a SIGKILLed node’s members within 20 seconds with the default timings', async () => {
    const [one, two] = await Promise.all([node('defaults'), node('defaults')])
    const name = freshRoom()
    const ada = connectClient(one.url, { id: 'ada' })
    const adaRoom = ada.client.room(name)
    adaRoom.join({})
    connectClient(two.url, { id: 'grace' }).client.room(name).join({})
    await waitFor(
      () => adaRoom.get().count,
      (count) => count === 2,
      'two members',
    )
    const killedAt = Date.now()
    await two.kill('SIGKILL')
    await waitFor(
      () => adaRoom.isUserPresent('grace'),
      (present) => !present,
      'grace to leave',
      20_000,
    )
    const elapsed = Date.now() - killedAt
    expect(elapsed).toBeLessThan(20_000)
    expect(elapsed).toBeLessThan(DEFAULT_CLUSTER_TIMINGS.nodeTtlMs + 1000)
  }, 40_000)
})

async function waitForHealth(url: string, status: string): Promise<Record<string, unknown>> {
  const started = Date.now()
  for (;;) {
    const report = await health(url)
    if (report.status === status) return report
    if (Date.now() - started > 8000) throw new Error(`health of ${url} stayed ${JSON.stringify(report)}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}
