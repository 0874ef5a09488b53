import type { Socket } from 'socket.io-client'
import { describe, expect, it } from 'vitest'
import type { PresenceServer, SnapshotMessage, WireAck } from '../src/index.js'
import { connectRaw, tokenFor } from './helpers/clients.js'
import { useInMemoryServers } from './helpers/in-memory-servers.js'
import { connected } from './helpers/raw.js'
import { sleep, waitFor } from './helpers/wait.js'

const start = useInMemoryServers()

/** Every presence frame a socket gets after the welcome, by event, in order of arrival. */
function record(socket: Socket): Array<{ event: string; body: unknown }> {
  const frames: Array<{ event: string; body: unknown }> = []
  socket.onAny((event: string, body: unknown) => {
    if (event !== 'presence:welcome') frames.push({ event, body })
  })
  return frames
}

/** How many snapshot frames the server encodes (its encoder serves every socket and broadcast). */
function countSnapshotEncodes(server: PresenceServer): () => number {
  let encodes = 0
  const { encoder } = server.io
  const encode = encoder.encode.bind(encoder)
  encoder.encode = (packet) => {
    if (Array.isArray(packet.data) && packet.data[0] === 'presence:snapshot') encodes++
    return encode(packet)
  }
  return () => encodes
}

/**
 * Holds this process's event loop, where the server runs too, so what the clients sent meanwhile
 * reaches the server in one turn: as thousands of resuming clients do on a busy node.
 */
function holdTheLoop(ms: number): void {
  const until = Date.now() + ms
  while (Date.now() < until) {
    // Busy on purpose: no timer or socket of this process runs meanwhile.
  }
}

async function member(url: string, userId: string): Promise<Socket> {
  const socket = connectRaw(url, { token: tokenFor(userId), protocol: 1, batch: true })
  await connected(socket)
  socket.emit('presence:watch', { room: 'lobby' })
  const answer = (await socket.emitWithAck('presence:join', { room: 'lobby', data: { n: 1 } })) as WireAck
  expect(answer.ok).toBe(true)
  return socket
}

async function watchers(url: string, count: number) {
  return Promise.all(
    Array.from({ length: count }, async (_, index) => {
      const socket = connectRaw(url, { token: tokenFor(`watcher-${index}`), protocol: 1, batch: true })
      const frames = record(socket)
      await connected(socket)
      return { socket, frames }
    }),
  )
}

const snapshotsIn = (frames: Array<{ event: string; body: unknown }>) =>
  frames.filter((frame) => frame.event === 'presence:snapshot').map((frame) => frame.body as SnapshotMessage)

describe('snapshots to many watchers at once', () => {
  it('builds and encodes one snapshot for every socket that asked in the same turn, each then hearing every later change', async () => {
    const { server, url } = await start({ batchWindowMs: 30 })
    const members = await Promise.all(['ann', 'bob', 'cid'].map((userId) => member(url, userId)))
    const crowd = await watchers(url, 20)
    const encodes = countSnapshotEncodes(server)

    for (const { socket } of crowd) socket.emit('presence:watch', { room: 'lobby' })
    holdTheLoop(150)
    await waitFor(
      () => crowd.filter(({ frames }) => snapshotsIn(frames).length === 1).length,
      (count) => count === crowd.length,
      'a snapshot on every watcher',
    )
    for (const { frames } of crowd) {
      const [snapshot] = snapshotsIn(frames)
      expect(snapshot?.connections.map((connection) => connection.userId).toSorted()).toEqual([
        'ann',
        'bob',
        'cid',
      ])
    }
    expect(encodes()).toBe(1)

    // In the fan-out from the snapshot on: a change after it reaches every one of them, after it.
    const [ann] = members
    const answer = (await ann?.emitWithAck('presence:update', { room: 'lobby', data: { n: 2 } })) as WireAck
    expect(answer.ok).toBe(true)
    await waitFor(
      () => crowd.filter(({ frames }) => frames.at(-1)?.event === 'presence:batch').length,
      (count) => count === crowd.length,
      'the update on every watcher, after its snapshot',
    )
    for (const { frames } of crowd)
      expect(frames.map((frame) => frame.event)).toEqual(['presence:snapshot', 'presence:batch'])
  })

  it('sends nothing to a socket that stopped watching before its snapshot went out', async () => {
    const { url } = await start({ batchWindowMs: 30 })
    const ann = await member(url, 'ann')
    const [gone, staying] = await watchers(url, 2)
    if (gone === undefined || staying === undefined) throw new Error('no sockets')

    // Both in one turn: the watch queues a snapshot, the unwatch right behind it takes it back.
    gone.socket.emit('presence:watch', { room: 'lobby' })
    gone.socket.emit('presence:unwatch', { room: 'lobby' })
    staying.socket.emit('presence:watch', { room: 'lobby' })
    await waitFor(
      () => snapshotsIn(staying.frames).length,
      (count) => count === 1,
      'the snapshot',
    )
    await ann.emitWithAck('presence:update', { room: 'lobby', data: { n: 2 } })
    await waitFor(
      () => staying.frames.filter((frame) => frame.event === 'presence:batch').length,
      (count) => count === 1,
      'the update on the watcher that stayed',
    )
    await sleep(100)
    expect(gone.frames.map((frame) => frame.event)).toEqual([])
  })
})
