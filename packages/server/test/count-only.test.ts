import type { Socket } from 'socket.io-client'
import { describe, expect, it } from 'vitest'
import { parseCli } from '../src/cli-options.js'
import { createPresenceServer, isPresenceServerError, type CountMessage } from '../src/index.js'
import { SECRET, connectClient, connectRaw, tokenFor, userIds } from './helpers/clients.js'
import { useClusterLifecycle } from './helpers/cluster-lifecycle.js'
import { useInMemoryServers } from './helpers/in-memory-servers.js'
import { connected, next } from './helpers/raw.js'
import { sleep, waitFor } from './helpers/wait.js'

const start = useInMemoryServers()
const countOnly = (room: string) => room.startsWith('stage:')

type Frame = { event: string; body: unknown }

/** A bare socket watching `room`, with every frame it gets after its welcome. */
async function watcher(url: string, userId: string, room: string, auth: Record<string, unknown>) {
  const socket: Socket = connectRaw(url, { token: tokenFor(userId), protocol: 1, ...auth })
  const frames: Frame[] = []
  socket.onAny((event: string, body: unknown) => frames.push({ event, body }))
  await connected(socket)
  const first = next(socket, auth.counts === true && countOnly(room) ? 'presence:count' : 'presence:snapshot')
  socket.emit('presence:watch', { room })
  await first
  return { socket, frames }
}

const countsOf = (frames: readonly Frame[]) =>
  frames
    .filter((frame) => frame.event === 'presence:count')
    .map((frame) => (frame.body as CountMessage).count)
/** Waits until the last count a watcher got is `count`. */
const countReaches = (frames: readonly Frame[], count: number) =>
  waitFor(
    () => countsOf(frames).at(-1),
    (last) => last === count,
    `a count of ${count}`,
    20_000,
  )
const eventsOf = (frames: readonly Frame[]) =>
  new Set(frames.map((frame) => frame.event).filter((event) => event !== 'presence:welcome'))

describe('count-only rooms on one node', () => {
  it('sends a counting watcher the count, never the members, and typing still', async () => {
    const { url } = await start({ batchWindowMs: 30, countOnly })
    const counting = await watcher(url, 'counter', 'stage:keynote', { batch: true, counts: true })
    expect(countsOf(counting.frames)).toEqual([0])

    const members = Array.from({ length: 12 }, (_, index) => connectClient(url, { id: `user-${index}` }))
    for (const member of members) member.client.room('stage:keynote').join({ step: 1 })
    await countReaches(counting.frames, 12)

    // A second connection of a user already there changes no count; updates change none either.
    const again = connectClient(url, { id: 'user-0' })
    again.client.room('stage:keynote').join({ step: 2 })
    for (const member of members.slice(0, 4)) member.client.room('stage:keynote').update({ step: 3 })
    members[5]!.client.room('stage:keynote').startTyping()
    await waitFor(
      () => counting.frames.some((frame) => frame.event === 'presence:typing'),
      (seen) => seen,
      'the typing signal',
      20_000,
    )
    for (const member of members.slice(6)) member.client.room('stage:keynote').leave()
    await countReaches(counting.frames, 6)
    await sleep(150)

    expect(countsOf(counting.frames).at(-1)).toBe(6)
    // Never the same count twice in a row, never a member list or a change.
    const counts = countsOf(counting.frames)
    for (const [index, count] of counts.entries()) if (index > 0) expect(count).not.toBe(counts[index - 1])
    expect([...eventsOf(counting.frames)].toSorted()).toEqual(['presence:count', 'presence:typing'])
    const typing = counting.frames.find((frame) => frame.event === 'presence:typing')?.body
    expect(typing).toMatchObject({ room: 'stage:keynote', userId: 'user-5', typing: true })
  })

  it('still lists a count-only room to clients that do not read counts, and lists other rooms to those that do', async () => {
    const { url } = await start({ batchWindowMs: 30, countOnly })
    const member = connectClient(url, { id: 'ada' })
    member.client.room('stage:keynote').join({ step: 1 })
    member.client.room('lobby').join({ step: 1 })
    const store = connectClient(url, { id: 'listener' }).client.room('stage:keynote')
    store.watch()
    await waitFor(
      () => userIds(store.get()),
      (ids) => ids.includes('ada'),
      'the store to list ada',
      20_000,
    )

    const counting = await watcher(url, 'counter', 'lobby', { batch: true, counts: true })
    const snapshot = counting.frames.find((frame) => frame.event === 'presence:snapshot')?.body as {
      connections: Array<{ userId: string }>
    }
    expect(snapshot.connections.map((connection) => connection.userId)).toContain('ada')
    expect(eventsOf(counting.frames).has('presence:count')).toBe(false)
  })

  it('sends every change of the count at once when the window is 0', async () => {
    const { url } = await start({ batchWindowMs: 0, countOnly })
    const counting = await watcher(url, 'counter', 'stage:keynote', { counts: true })
    const members = Array.from({ length: 5 }, (_, index) => connectClient(url, { id: `user-${index}` }))
    for (const [index, member] of members.entries()) {
      member.client.room('stage:keynote').join({ step: 1 })
      await waitFor(
        () => countsOf(counting.frames).at(-1),
        (count) => count === index + 1,
        `count ${index + 1}`,
      )
    }
    expect(countsOf(counting.frames)).toEqual([0, 1, 2, 3, 4, 5])
  })

  it('takes a prefix of count-only rooms from the command line or the environment', () => {
    for (const settings of [
      parseCli(['--count-only-prefix', 'stage:'], { PRESENCE_SECRET: SECRET }),
      parseCli([], { PRESENCE_SECRET: SECRET, PRESENCE_COUNT_ONLY_PREFIX: 'stage:' }),
    ]) {
      const countOnlyRoom = settings === 'help' ? undefined : settings.options.countOnly
      expect(countOnlyRoom?.('stage:keynote')).toBe(true)
      expect(countOnlyRoom?.('lobby')).toBe(false)
    }
    const none = parseCli([], { PRESENCE_SECRET: SECRET })
    expect(none !== 'help' && none.options.countOnly).toBe(undefined)
  })

  it('refuses a countOnly that is not a function', () => {
    let code: string | undefined
    try {
      createPresenceServer({ secret: SECRET, logger: 'silent', countOnly: true as unknown as () => boolean })
    } catch (error) {
      code = isPresenceServerError(error) ? error.code : 'other'
    }
    expect(code).toBe('invalid-options')
  })
})

describe('count-only rooms across two nodes on one Redis', () => {
  const cluster = useClusterLifecycle()

  it('counts the members of both nodes, through joins and leaves', async () => {
    const redisUrl = cluster.redis().url
    const nodes = [
      await start({ redisUrl, nodeId: 'count-a', countOnly, batchWindowMs: 30 }),
      await start({ redisUrl, nodeId: 'count-b', countOnly, batchWindowMs: 30 }),
    ]
    const counting = await watcher(nodes[1]!.url, 'counter', 'stage:keynote', { batch: true, counts: true })
    const members = Array.from({ length: 10 }, (_, index) =>
      connectClient(nodes[index % 2]!.url, { id: `user-${index}` }),
    )
    for (const member of members) member.client.room('stage:keynote').join({ step: 1 })
    await countReaches(counting.frames, 10)
    for (const member of members.slice(0, 3)) member.close()
    members[4]!.client.room('stage:keynote').leave()
    await countReaches(counting.frames, 6)
    expect([...eventsOf(counting.frames)]).toEqual(['presence:count'])
  })
})
