import type { Room } from '@presence-kit/core'
import { describe, expect, it } from 'vitest'
import { connectClient, userIds } from './helpers/clients.js'
import { useClusterLifecycle } from './helpers/cluster-lifecycle.js'
import { startNode, type NodeProcess } from './helpers/node-process.js'
import { startRelay, type Relay } from './helpers/relay.js'
import { sleep, waitFor } from './helpers/wait.js'

// Faults a cluster must heal from on its own: a node stalled past the TTL, a node cut from Redis
// while its clients stay connected, and Redis itself going away. Each ends with every client
// listing exactly the live users (0 ghosts, 0 missing) within the bound the README documents.

const FAST = { heartbeat: 200, ttl: 1000, sweep: 200 }
/** Delivery after the bound (a publish, the fan-out, this poll) and timers late on a loaded machine. */
const MARGIN_MS = 2000
/** How long the test hook holds a recovery read: the window a slow Redis opens for a race. */
const HOLD_MS = 3000

const cluster = useClusterLifecycle()
let relays: Relay[] = []
let nextId = 0

async function node(options: { redisUrl?: string; env?: Record<string, string> } = {}) {
  const started = await startNode({
    redisUrl: options.redisUrl ?? cluster.redis().url,
    nodeId: `fault-node-${++nextId}`,
    timings: FAST,
    ...(options.env === undefined ? {} : { env: options.env }),
  })
  return cluster.track(started)
}

cluster.afterEachTest(async () => {
  await Promise.all(relays.map((relay) => relay.close()))
  relays = []
})

let roomCount = 0
const freshRoom = () => `fault-room-${++roomCount}`

interface Tab {
  readonly userId: string
  readonly room: Room
}

function tab(nodeUrl: string, userId: string, room: string): Tab {
  return { userId, room: connectClient(nodeUrl, { id: userId }).client.room(room) }
}

/** Every tab's roster is exactly `expected`, within `timeoutMs`; fails naming the first that is not. */
async function allList(tabs: readonly Tab[], expected: readonly string[], what: string, timeoutMs: number) {
  const want = [...expected].toSorted().join()
  await waitFor(
    () => tabs.map((each) => `${each.userId}: ${userIds(each.room.get()).join()}`),
    (rosters) => rosters.every((roster) => roster.endsWith(`: ${want}`)),
    `${what}: every tab to list ${want}`,
    timeoutMs,
  )
}

/** Records every leave a tab is shown for one of `live`, users whose tab never closed. */
function recordLeaves(tabs: readonly Tab[], live: readonly string[]): string[] {
  const seen: string[] = []
  for (const each of tabs) {
    each.room.on('leave', (event) => {
      if (live.includes(event.member.userId)) seen.push(`${each.userId} saw ${event.member.userId} leave`)
    })
  }
  return seen
}

function waitForLog(server: NodeProcess, text: string, after: number, what: string, timeoutMs = 15_000) {
  return waitFor(
    () => server.lines.slice(after).some((line) => line.includes(text)),
    Boolean,
    what,
    timeoutMs,
  )
}

/** How many full resyncs (the one that removes what Redis lacks) a node has finished. */
function resyncs(server: NodeProcess): number {
  return server.lines.filter((line) => line.includes('full resync with redis done')).length
}

describe('a cluster heals on its own', () => {
  it('keeps a node stalled past the TTL listed, and lists its members again one heartbeat after it resumes', async () => {
    const [one, two] = await Promise.all([node(), node()])
    const name = freshRoom()
    const onOne = [tab(one.url, 'ada', name), tab(one.url, 'bob', name), tab(one.url, 'tess', name)]
    const onTwo = [tab(two.url, 'grace', name), tab(two.url, 'lin', name), tab(two.url, 'tess', name)]
    const tabs = [...onOne, ...onTwo]
    for (const each of tabs) each.room.join({ n: 1 })
    const everyone = ['ada', 'bob', 'grace', 'lin', 'tess']
    await allList(tabs, everyone, 'before the stall', 10_000)
    const wrongLeaves = recordLeaves(onTwo, everyone)

    two.child.kill('SIGSTOP')
    // The other node takes it for dead (its heartbeat key expires) and sweeps its members.
    await allList(onOne, ['ada', 'bob', 'tess'], 'the sweep of the stalled node', 10_000)
    await sleep(FAST.ttl) // stalled well past the TTL, as a long GC pause or a frozen VM would be
    two.child.kill('SIGCONT')

    await allList(tabs, everyone, 'one heartbeat after resuming', FAST.heartbeat + MARGIN_MS)
    expect(wrongLeaves).toEqual([])
    // And it holds: the node's key and entries are back, so later sweeps leave them be.
    await sleep(FAST.ttl + 2 * FAST.sweep)
    await allList(tabs, everyone, 'after more sweeps', MARGIN_MS)
    expect(wrongLeaves).toEqual([])
  })

  it('brings back a node cut from Redis while its clients stayed connected, once the partition heals', async () => {
    const relay = await startRelay(cluster.redis().port)
    relays.push(relay)
    const [one, two] = await Promise.all([node(), node({ redisUrl: relay.url })])
    const name = freshRoom()
    const onOne = [tab(one.url, 'ada', name), tab(one.url, 'tess', name)]
    const onTwo = [tab(two.url, 'grace', name), tab(two.url, 'lin', name), tab(two.url, 'tess', name)]
    for (const each of [...onOne, ...onTwo]) each.room.join({ n: 1 })
    await allList([...onOne, ...onTwo], ['ada', 'grace', 'lin', 'tess'], 'before the partition', 10_000)

    relay.block()
    await allList(onOne, ['ada', 'tess'], 'the sweep of the cut-off node', 10_000)
    // Its clients are still served meanwhile: a tab opens and one changes.
    const pam = tab(two.url, 'pam', name)
    pam.room.join({ n: 1 })
    onTwo[0]?.room.update({ n: 2 })
    const all = [...onOne, ...onTwo, pam]
    await allList([...onTwo, pam], ['ada', 'grace', 'lin', 'pam', 'tess'], 'the node serving its own', 10_000)
    const wrongLeaves = recordLeaves([...onTwo, pam], ['ada', 'grace', 'lin', 'pam', 'tess'])
    relay.heal()

    const everyone = ['ada', 'grace', 'lin', 'pam', 'tess']
    await allList(all, everyone, 'one heartbeat after the partition heals', FAST.heartbeat + MARGIN_MS)
    await waitFor(
      () => onOne[0]?.room.get('grace')?.data.n,
      (n) => n === 2,
      'the update made while cut off',
    )
    expect(wrongLeaves).toEqual([])
    await sleep(FAST.ttl + 2 * FAST.sweep)
    await allList(all, everyone, 'after more sweeps', MARGIN_MS)
    expect(wrongLeaves).toEqual([])
  })

  it('converges after Redis is stopped for 10 s, with joins, updates and leaves during the outage and the recovery', async () => {
    // One node holds its purge's read and the other its full resync's, so that changes land in
    // the middle of each: the interleavings that used to lose a live member.
    const [one, two] = await Promise.all([
      node({ env: { PRESENCE_TEST_SLOW_READS: `purge:${HOLD_MS}` } }),
      node({ env: { PRESENCE_TEST_SLOW_READS: `full-resync:${HOLD_MS}` } }),
    ])
    const name = freshRoom()
    const tabs = [
      tab(one.url, 'ada', name),
      tab(one.url, 'bob', name),
      tab(two.url, 'grace', name),
      tab(two.url, 'hal', name),
    ]
    const [ada, bob, grace, hal] = tabs as [Tab, Tab, Tab, Tab]
    for (const each of tabs) each.room.join({ n: 1 })
    await allList(tabs, ['ada', 'bob', 'grace', 'hal'], 'before the outage', 10_000)

    await cluster.redis().stop()
    const stoppedAt = Date.now()
    // During the outage, on every node: an update, a leave and a join.
    ada.room.update({ n: 2 })
    grace.room.update({ n: 2 })
    bob.room.leave()
    hal.room.leave()
    const cy = tab(one.url, 'cy', name)
    const dee = tab(two.url, 'dee', name)
    cy.room.join({ n: 1 })
    dee.room.join({ n: 1 })
    // Tabs that left no longer watch the room: only the open ones are checked from here on.
    tabs.splice(0, tabs.length, ada, grace, cy, dee)
    // Each node serves its own clients (and keeps listing the other node's, as it last knew them).
    const listed = (each: Tab) => userIds(each.room.get()).join()
    await waitFor(
      () => [ada, cy].map(listed),
      (all) => all.every((ids) => ids === 'ada,cy,grace,hal'),
      'node one serving its own',
    )
    await waitFor(
      () => [grace, dee].map(listed),
      (all) => all.every((ids) => ids === 'ada,bob,dee,grace'),
      'node two serving its own',
    )
    await sleep(Math.max(0, 10_000 - (Date.now() - stoppedAt)))

    const oneLines = one.lines.length
    const twoLines = two.lines.length
    await cluster.redis().restart()
    const backAt = Date.now()

    // While node one holds its purge's read: a tab joins on it, an update and a leave on node two.
    await waitForLog(one, 'test hook: holding a redis read', oneLines, 'node one to hold its purge read')
    const eve = tab(one.url, 'eve', name)
    eve.room.join({ n: 1 })
    tabs.push(eve)
    grace.room.update({ n: 3 })
    dee.room.leave()
    tabs.splice(tabs.indexOf(dee), 1)
    await waitFor(() => ada.room.isUserPresent('eve'), Boolean, 'eve on her own node')
    expect(one.lines.slice(oneLines).some((line) => line.includes('redis connection back'))).toBe(false)

    // While node two holds its full resync's read: a tab joins on node one, which node two hears.
    await waitForLog(two, '"read":"full-resync"', twoLines, 'node two to hold its full resync read')
    const fay = tab(one.url, 'fay', name)
    fay.room.join({ n: 1 })
    tabs.push(fay)
    await waitFor(() => grace.room.isUserPresent('fay'), Boolean, 'node two to hear fay join')
    expect(resyncs(two)).toBe(0)

    // The README's bound after Redis is back (1 s to reconnect + TTL + 2 sweeps), plus the hold.
    const bound = 1000 + FAST.ttl + 2 * FAST.sweep + HOLD_MS
    const everyone = ['ada', 'cy', 'eve', 'fay', 'grace']
    await allList(tabs, everyone, 'after the outage', Math.max(0, backAt + bound - Date.now()) + MARGIN_MS)
    expect(tabs.map((each) => each.room.get('grace')?.data.n)).toEqual(tabs.map(() => 3))
    expect(tabs.map((each) => each.room.get('ada')?.data.n)).toEqual(tabs.map(() => 2))
    // Settled, not passing through: still so after every node's full resync and more sweeps.
    await waitFor(
      () => resyncs(one) + resyncs(two),
      (count) => count >= 2,
      'both full resyncs',
      15_000,
    )
    await allList(tabs, everyone, 'after the full resyncs', MARGIN_MS)
  }, 90_000)
})
