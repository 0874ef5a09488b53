import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import { createPresenceClient } from '@presence-kit/core'
import { createSocketIoAdapter } from '@presence-kit/adapters/socket-io'
import { createPresenceToken } from '@presence-kit/server'
import { rosterDigest } from './big-room-digest.js'
import type { ParentMessage, Phase, WorkerMessage, WorkerResult, WorkerSetup } from './big-room-messages.js'
import { depart, stillJoined, type DepartingClient } from './departures.js'
import { SECRET, waitLimitMs } from './processes.js'
import { rosterErrors, sleep, until } from './stats.js'

/**
 * One process of the big room's clients (see big-room.ts): its share of the room, every client a
 * real socket.io-client connection through the Socket.IO adapter into its own presence store. It
 * acts on the parent's commands and sends back what it measured.
 */
interface WorkerClient extends DepartingClient {
  readonly index: number
  readonly userId: string
  readonly roomName: string
  errors: string[]
  joinedAt: number
}

/** An error event's code, with the server's own code when the adapter passed one on. */
function errorName(error: {
  readonly code: string
  readonly detail?: unknown
  readonly message: string
}): string {
  const detail = error.detail as { code?: unknown } | undefined
  if (typeof detail?.code === 'string') return `${error.code} (${detail.code})`
  return error.code === 'adapter-error' ? `${error.code} (${error.message.slice(0, 60)})` : error.code
}

/** Wall-clock time in ms with sub-millisecond precision, comparable between processes. */
const now = () => performance.timeOrigin + performance.now()

/** Resolves once the message has left for the parent. */
function send(message: WorkerMessage): Promise<void> {
  return new Promise((resolve, reject) => {
    process.send?.(message, undefined, {}, (error) => (error ? reject(error) : resolve()))
  })
}

let setup: WorkerSetup | undefined
const clients: WorkerClient[] = []
const latencies: number[] = []
let frames = 0
let framesAtFirstJoin = 0
/** Joins, updates, leaves and typing signals the clients got, counting each change of a batch. */
let changes = 0
let changesAtFirstJoin = 0
/** Connections the server or the network cut (not the bench's own closes): each resyncs its store. */
let cutConnections = 0
let cpuAtFirstJoin: NodeJS.CpuUsage | undefined
const loopDelay = monitorEventLoopDelay({ resolution: 10 })
const ms = (nanoseconds: number) => nanoseconds / 1e6

async function connect(settings: WorkerSetup): Promise<void> {
  for (let index = settings.workerIndex; index < settings.clients; index += settings.workers) {
    const userId = `user-${index}`
    const adapter = createSocketIoAdapter({
      url: settings.urls[index % settings.urls.length] as string,
      connectOnServer: true,
      token: createPresenceToken({ userId, name: `User ${index}` }, SECRET),
      socketOptions: { forceNew: true, reconnectionDelay: 200 },
    })
    adapter.socket.on('disconnect', (reason: string) => {
      if (reason !== 'io client disconnect') cutConnections++
    })
    adapter.socket.onAny((event: string, body: { changes?: unknown[] }) => {
      frames++
      changes += event === 'presence:batch' ? (body.changes?.length ?? 0) : 1
    })
    const client = createPresenceClient({
      adapter,
      user: { id: userId },
      leaveGraceMs: settings.leaveGraceMs,
    })
    const room = client.room(settings.room)
    const entry: WorkerClient = {
      index,
      userId,
      roomName: settings.room,
      adapter,
      client,
      room,
      joined: false,
      connected: true,
      errors: [],
      joinedAt: Number.NaN,
    }
    if (index % settings.sampleEvery === 0) {
      const seen = new Set<string>()
      room.on('join', (event) => {
        const { userId: joiner, isSelf, data } = event.member
        // The joiner's own clock, carried in its data: the worker that joined may be another process.
        const at = (data as { at?: unknown }).at
        if (isSelf || typeof at !== 'number' || seen.has(joiner)) return
        seen.add(joiner)
        latencies.push(now() - at)
      })
    }
    room.on('error', (event) => entry.errors.push(errorName(event.error)))
    room.watch()
    clients.push(entry)
    if (clients.length % 50 === 0) await sleep(20)
  }
  const timeout = 30_000 + settings.clients * 10
  if (!(await until(() => clients.every((each) => each.room.get().synced), timeout, 250))) {
    throw new Error(`not every client got its first snapshot within ${timeout} ms`)
  }
}

const timedClients = (settings: WorkerSetup) =>
  clients.filter((each) => each.index % settings.sampleEvery === 0).length

/** Runs the phase on each of this worker's clients at its place in the room's schedule. */
async function runPhase(phase: Phase, startAt: number, perSecond: number): Promise<void> {
  if (phase === 'join') {
    framesAtFirstJoin = frames
    changesAtFirstJoin = changes
    cpuAtFirstJoin = process.cpuUsage()
    loopDelay.enable()
  }
  for (const each of clients) {
    const wait = startAt + (each.index * 1000) / perSecond - now()
    if (wait > 0) await sleep(wait)
    if (phase === 'join') {
      each.joinedAt = now()
      each.room.join({ step: 0, at: each.joinedAt })
      each.joined = true
    } else if (phase === 'update') {
      // The join's time stays in the data: a client that first sees this member through the
      // update (its join and update in one batch, or a snapshot after a reconnect) still times the join.
      each.room.update({ step: 1, at: each.joinedAt })
    } else {
      depart(each, each.index)
    }
  }
}

async function joinsSeen(settings: WorkerSetup): Promise<boolean> {
  const expected = timedClients(settings) * (settings.clients - 1)
  return until(() => latencies.length >= expected, waitLimitMs(settings.clients), 100)
}

function result(settings: WorkerSetup): WorkerResult {
  const cpu = process.cpuUsage(cpuAtFirstJoin)
  loopDelay.disable()
  const expectedJoined = new Set<string>()
  for (let index = 0; index < settings.clients; index++) {
    if (stillJoined(index)) expectedJoined.add(`user-${index}`)
  }
  const observers = clients.filter((each) => each.connected)
  const seen = observers.map((each) => ({
    userId: each.userId,
    roomName: each.roomName,
    members: each.room.get().members.map((member) => member.userId),
  }))
  const everyone = [...expectedJoined].map((userId) => ({ userId, roomName: settings.room, members: [] }))
  const roster = rosterErrors(everyone, seen, (observer) => observer.members)
  const digests = new Map<string, number>()
  for (const observer of seen) {
    const digest = rosterDigest(observer.members)
    digests.set(digest, (digests.get(digest) ?? 0) + 1)
  }
  const errorCodes = new Map<string, number>()
  for (const code of clients.flatMap((each) => each.errors)) {
    errorCodes.set(code, (errorCodes.get(code) ?? 0) + 1)
  }
  const memory = process.memoryUsage()
  return {
    latencies: Float64Array.from(latencies),
    expectedSamples: timedClients(settings) * (settings.clients - 1),
    frames: frames - framesAtFirstJoin,
    changes: changes - changesAtFirstJoin,
    cutConnections,
    clients: clients.length,
    observers: observers.length,
    roster,
    digests: [...digests],
    errorCodes: [...errorCodes],
    clientsWithErrors: clients.filter((each) => each.errors.length > 0).length,
    cpuMs: (cpu.user + cpu.system) / 1000,
    loopDelayP50Ms: ms(loopDelay.percentile(50)),
    loopDelayP99Ms: ms(loopDelay.percentile(99)),
    loopDelayMaxMs: ms(loopDelay.max),
    rssMb: memory.rss / 1024 / 1024,
    heapUsedMb: memory.heapUsed / 1024 / 1024,
  }
}

async function handle(message: ParentMessage): Promise<void> {
  if (message.type === 'setup') {
    setup = message.setup
    await connect(setup)
    return send({ type: 'ready' })
  }
  if (setup === undefined) throw new Error(`${message.type} before setup`)
  const settings = setup
  if (message.type === 'phase') {
    await runPhase(message.phase, message.startAt, message.perSecond)
    const allSeen = message.phase === 'join' ? await joinsSeen(settings) : true
    return send({ type: 'phase-done', phase: message.phase, allSeen })
  }
  if (message.type === 'settle') {
    const expected = [...Array(settings.clients).keys()].filter(stillJoined).length
    await sleep(settings.leaveGraceMs)
    const ok = await until(
      () => clients.every((each) => !each.connected || each.room.get().count === expected),
      message.timeoutMs,
      250,
    )
    return send({ type: 'settled', ok })
  }
  await send({ type: 'result', result: result(settings) })
  for (const each of clients) {
    if (!each.connected) continue
    each.client.destroy()
    each.adapter.destroy?.()
  }
  process.exit(0)
}

process.on('message', (message: ParentMessage) => {
  handle(message).catch((error: unknown) => {
    void send({
      type: 'failed',
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    })
  })
})
