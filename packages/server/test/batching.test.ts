import type { Socket } from 'socket.io-client'
import { describe, expect, it } from 'vitest'
import { parseCli } from '../src/cli-options.js'
import {
  createPresenceServer,
  isPresenceServerError,
  type BatchChange,
  type BatchMessage,
} from '../src/index.js'
import { SECRET, connectClient, connectRaw, tokenFor, userIds } from './helpers/clients.js'
import { useClusterLifecycle } from './helpers/cluster-lifecycle.js'
import { startNode } from './helpers/node-process.js'
import { useInMemoryServers } from './helpers/in-memory-servers.js'
import { connected, next } from './helpers/raw.js'
import { sleep, waitFor } from './helpers/wait.js'

const start = useInMemoryServers()

/** Every presence frame a socket gets, by event, in order of arrival. */
function record(socket: Socket): Array<{ event: string; body: unknown }> {
  const frames: Array<{ event: string; body: unknown }> = []
  socket.onAny((event: string, body: unknown) => frames.push({ event, body }))
  return frames
}

async function watcher(url: string, userId: string, batch: boolean) {
  const socket = connectRaw(url, { token: tokenFor(userId), protocol: 1, ...(batch ? { batch: true } : {}) })
  const frames = record(socket)
  await connected(socket)
  const snapshot = next(socket, 'presence:snapshot')
  socket.emit('presence:watch', { room: 'lobby' })
  await snapshot
  return { socket, frames }
}

const changesOf = (frames: Array<{ event: string; body: unknown }>): BatchChange[] =>
  frames
    .filter((frame) => frame.event === 'presence:batch')
    .flatMap((frame) => (frame.body as BatchMessage).changes)

const idOf = (change: BatchChange) =>
  'connection' in change ? change.connection.connectionId : change.connectionId
const versionOf = (change: BatchChange) =>
  'connection' in change ? change.connection.version : change.type === 'leave' ? change.version : undefined

describe('batched fan-out on one node', () => {
  it('sends batches to clients that ask for them and single events to the others, with the same outcome', async () => {
    const { url } = await start({ batchWindowMs: 40 })
    const batched = await watcher(url, 'watcher-1', true)
    const single = await watcher(url, 'watcher-2', false)
    const members = Array.from({ length: 30 }, (_, index) => connectClient(url, { id: `user-${index}` }))
    for (const member of members) member.client.room('lobby').join({ step: 1 })
    await waitFor(
      () => changesOf(batched.frames).filter((change) => change.type === 'join').length,
      (count) => count === 30,
      'every join in a batch',
      30_000,
    )
    for (const member of members.slice(0, 10)) member.client.room('lobby').update({ step: 2 })
    for (const member of members.slice(10, 20)) member.client.room('lobby').leave()
    const singleChangesOf = () =>
      single.frames.filter((frame) =>
        ['presence:join', 'presence:update', 'presence:leave'].includes(frame.event),
      )
    await waitFor(
      () => singleChangesOf().length,
      (count) => count >= 50,
      'every single event',
      30_000,
    )
    await waitFor(
      () => changesOf(batched.frames).filter((change) => change.type === 'leave').length,
      (count) => count === 10,
      'every leave in a batch',
      30_000,
    )
    await sleep(200)

    const batchEvents = batched.frames
      .map((frame) => frame.event)
      .filter((event) => event !== 'presence:welcome')
    expect(batchEvents[0]).toBe('presence:snapshot')
    expect(batchEvents.slice(1).every((event) => event === 'presence:batch')).toBe(true)
    expect(single.frames.some((frame) => frame.event === 'presence:batch')).toBe(false)

    // 30 joins, 10 updates and 10 leaves: fewer frames than changes for the batched client,
    // one frame per change for the other.
    expect(singleChangesOf().length).toBe(50)
    // How many frames depends on how the changes fall into windows on a busy machine (the window
    // itself is pinned down with fake timers in batched-fan-out.test.ts): fewer, always.
    expect(batchEvents.length - 1).toBeLessThan(singleChangesOf().length)

    // Per connection, the versions only grow from frame to frame, and the leave comes last.
    const last = new Map<string, number>()
    for (const change of changesOf(batched.frames)) {
      const version = versionOf(change)
      if (version === undefined) continue
      expect(version).toBeGreaterThan(last.get(idOf(change)) ?? 0)
      last.set(idOf(change), version)
    }
    const leftIds = new Set(
      changesOf(batched.frames)
        .filter((change) => change.type === 'leave')
        .map(idOf),
    )
    expect(leftIds.size).toBe(10)
    for (const change of changesOf(batched.frames)) {
      if (leftIds.has(idOf(change)) && change.type !== 'leave') {
        const leaveIndex = changesOf(batched.frames).findIndex(
          (c) => c.type === 'leave' && idOf(c) === idOf(change),
        )
        expect(changesOf(batched.frames).indexOf(change)).toBeLessThan(leaveIndex)
      }
    }
  })

  it('never sends a batch that precedes the snapshot, and one that repeats it changes nothing in a store', async () => {
    const { url } = await start({ batchWindowMs: 100 })
    const members = Array.from({ length: 10 }, (_, index) => connectClient(url, { id: `user-${index}` }))
    for (const member of members) member.client.room('lobby').join({ step: 1 })
    // A store that arrives in the middle of a window: its snapshot holds changes still pending.
    await sleep(30)
    const late = connectClient(url, { id: 'late' })
    const room = late.client.room('lobby')
    const events: string[] = []
    room.on(['join', 'leave', 'update'], (event) => events.push(`${event.type}:${event.member.userId}`))
    room.watch()
    await waitFor(
      () => userIds(room.get()).length,
      (count) => count === 10,
      'the late store to see everyone',
      30_000,
    )
    await sleep(250)
    expect(events.filter((event) => event.startsWith('join:')).toSorted()).toEqual(
      members.map((member) => `join:${member.user.id}`).toSorted(),
    )
    expect(events.filter((event) => !event.startsWith('join:'))).toEqual([])
  })

  it('sends single events to everyone when batching is off', async () => {
    const { url } = await start({ batchWindowMs: 0 })
    const batched = await watcher(url, 'watcher-1', true)
    const member = connectClient(url, { id: 'ada' })
    member.client.room('lobby').join({ step: 1 })
    await waitFor(
      () => batched.frames.map((frame) => frame.event),
      (events) => events.includes('presence:join'),
      'a single join',
    )
    expect(batched.frames.some((frame) => frame.event === 'presence:batch')).toBe(false)
  })

  it('refuses a batch window that is not a whole number of milliseconds from 0 to 10000', () => {
    for (const batchWindowMs of [-1, 1.5, 10_001, Number.NaN, '50' as unknown as number]) {
      let code: string | undefined
      try {
        createPresenceServer({ secret: SECRET, logger: 'silent', batchWindowMs })
      } catch (error) {
        code = isPresenceServerError(error) ? error.code : 'other'
      }
      expect(code).toBe('invalid-options')
    }
    const settings = parseCli(['--batch-window-ms', '20'], { PRESENCE_SECRET: SECRET })
    expect(settings !== 'help' && settings.options.batchWindowMs).toBe(20)
    const fromEnv = parseCli([], { PRESENCE_SECRET: SECRET, PRESENCE_BATCH_WINDOW_MS: '0' })
    expect(fromEnv !== 'help' && fromEnv.options.batchWindowMs).toBe(0)
  })
})

describe('batched fan-out across two nodes on one Redis', () => {
  const cluster = useClusterLifecycle()

  it('converges every store on both nodes with batches, through joins, updates and leaves', async () => {
    const env = { PRESENCE_BATCH_WINDOW_MS: '50' }
    const nodes = await Promise.all(
      ['batch-a', 'batch-b'].map(async (nodeId) =>
        cluster.track(await startNode({ redisUrl: cluster.redis().url, nodeId, env })),
      ),
    )
    const observer = await watcher(nodes[1]!.url, 'observer', true)
    const clients = Array.from({ length: 24 }, (_, index) =>
      connectClient(nodes[index % 2]!.url, { id: `user-${index}` }),
    )
    for (const each of clients) each.client.room('lobby').join({ step: 1 })
    const everyone = clients.map((each) => each.user.id).toSorted()
    for (const each of clients) {
      await waitFor(
        () => userIds(each.client.room('lobby').get()),
        (ids) => ids.length === 24,
        `${each.user.id} to see all`,
        20_000,
      )
    }
    for (const each of clients.slice(0, 8)) each.client.room('lobby').update({ step: 2 })
    for (const each of clients.slice(8, 16)) each.client.room('lobby').leave()
    const leaving = new Set(clients.slice(8, 16))
    const staying = everyone.filter((id) => ![...leaving].some((each) => each.user.id === id))
    for (const each of clients.filter((client) => !leaving.has(client))) {
      await waitFor(
        () => userIds(each.client.room('lobby').get()),
        (ids) => JSON.stringify(ids) === JSON.stringify(staying.toSorted()),
        `${each.user.id} to see the leaves`,
        20_000,
      )
    }
    for (const each of clients.slice(0, 8)) {
      expect(clients[23]!.client.room('lobby').get(each.user.id)?.data).toEqual({ step: 2 })
    }
    // The changes of the clients on the other node reached this one's observer in batches.
    const remote = changesOf(observer.frames).filter(
      (change) => 'connection' in change && Number(change.connection.userId.split('-')[1]) % 2 === 0,
    )
    expect(remote.length).toBeGreaterThan(0)
    expect(observer.frames.some((frame) => frame.event === 'presence:join')).toBe(false)
  })
})
