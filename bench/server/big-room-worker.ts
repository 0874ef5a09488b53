import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import { createPresenceToken } from '@presence-kit/server'
import type { WireConnection } from '@presence-kit/protocol'
import { departByIndex, type ClientCounters, type RoomClient } from './big-room-client.js'
import { ConnectionTable } from './big-room-connections.js'
import { DeliveryTracker } from './big-room-delivery.js'
import { rosterDigest } from './big-room-digest.js'
import { LightClient } from './big-room-light-client.js'
import {
  isStoreClient,
  type ParentMessage,
  type Phase,
  type WorkerMessage,
  type WorkerResult,
  type WorkerSetup,
} from './big-room-messages.js'
import { StoreClient } from './big-room-store-client.js'
import { stillJoined } from './departures.js'
import { SECRET, waitLimitMs } from './processes.js'
import { rosterErrors, sleep, until, untilStalled, type RosterErrors } from './stats.js'

/**
 * One process of the big room's clients (see big-room.ts): its share of the room, each client a
 * real socket.io-client connection, either a light protocol client (big-room-light-client.ts) or a
 * real presence store through the Socket.IO adapter (big-room-store-client.ts), as the setup says.
 * It acts on the parent's commands and sends back what it measured.
 */
interface WorkerClient {
  readonly index: number
  readonly client: RoomClient
  readonly store: boolean
  /** What it has taken in of each phase: the next phase waits until every client has it all. */
  readonly delivery: DeliveryTracker
  joinedAt: number
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
/** Each timed client's record of the members it saw join (1), by member index. */
const timedSeen = new Map<number, Uint8Array>()
const counters: ClientCounters = { frames: 0, changes: 0, cutConnections: 0, cutReasons: new Map() }
let framesAtFirstJoin = 0
let changesAtFirstJoin = 0
let cpuAtFirstJoin: NodeJS.CpuUsage | undefined
const loopDelay = monitorEventLoopDelay({ resolution: 10 })
const ms = (nanoseconds: number) => nanoseconds / 1e6
/** The bench's user ids are `user-<index>`. */
const indexOf = (userId: string) => Number(userId.slice('user-'.length))

/**
 * Times each member's first appearance on a timed client: the joiner's own clock rides in its
 * data, so a join is timed in whichever process sees it. The update keeps that time in the data,
 * so a member first seen through its update (join and update in one batch, or a snapshot after a
 * reconnect) is still timed from its join.
 */
function joinTimer(clientCount: number, self: string): (userId: string, data: unknown) => void {
  const seen = new Uint8Array(clientCount)
  timedSeen.set(indexOf(self), seen)
  return (userId, data) => {
    const at = (data as { at?: unknown } | undefined)?.at
    const index = indexOf(userId)
    if (userId === self || typeof at !== 'number' || seen[index] === 1) return
    seen[index] = 1
    latencies.push(now() - at)
  }
}

async function connect(settings: WorkerSetup): Promise<void> {
  const table = new ConnectionTable()
  for (let index = settings.workerIndex; index < settings.clients; index += settings.workers) {
    const userId = `user-${index}`
    const common = {
      url: settings.urls[index % settings.urls.length] as string,
      token: createPresenceToken({ userId, name: `User ${index}` }, SECRET),
      room: settings.room,
      counters,
    }
    const timer = index % settings.sampleEvery === 0 ? joinTimer(settings.clients, userId) : undefined
    const delivery = new DeliveryTracker(settings.clients, index)
    const store = isStoreClient(index, settings.storeEvery)
    const client: RoomClient = store
      ? new StoreClient(userId, {
          ...common,
          leaveGraceMs: settings.leaveGraceMs,
          onData: (member) => delivery.saw(indexOf(member.userId), member.data),
          ...(timer === undefined ? {} : { onJoin: (member) => timer(member.userId, member.data) }),
        })
      : new LightClient(userId, {
          ...common,
          table,
          onData: (user: string, connection: WireConnection) => delivery.saw(indexOf(user), connection.data),
          ...(timer === undefined
            ? {}
            : { onVisible: (user: string, connection: WireConnection) => timer(user, connection.data) }),
        })
    clients.push({ index, client, store, delivery, joinedAt: Number.NaN })
    if (clients.length % 50 === 0) await sleep(20)
  }
  // As long as the run waits for its joins: on a starved machine thousands of handshakes take minutes.
  const timeout = waitLimitMs(settings.clients)
  if (!(await until(() => clients.every((each) => each.client.synced), timeout, 250))) {
    const synced = clients.filter((each) => each.client.synced).length
    throw new Error(`${synced} of ${clients.length} clients got their first snapshot within ${timeout} ms`)
  }
}

/** The clients whose connection the bench has not closed. */
const live = () => clients.filter((each) => each.client.connected)

const timedClients = (settings: WorkerSetup) =>
  clients.filter((each) => each.index % settings.sampleEvery === 0).length

/** Runs the phase on each of this worker's clients at its place in the room's schedule. */
async function runPhase(phase: Phase, startAt: number, perSecond: number): Promise<void> {
  if (phase === 'join') {
    framesAtFirstJoin = counters.frames
    changesAtFirstJoin = counters.changes
    cpuAtFirstJoin = process.cpuUsage()
    loopDelay.enable()
  }
  for (const each of clients) {
    const wait = startAt + (each.index * 1000) / perSecond - now()
    if (wait > 0) await sleep(wait)
    if (phase === 'join') {
      each.joinedAt = now()
      each.client.join({ step: 0, at: each.joinedAt })
    } else if (phase === 'update') {
      each.client.update({ step: 1, at: each.joinedAt })
    } else {
      departByIndex(each.client, each.index)
    }
  }
}

/** The data step each phase sends, which every client must have seen before the next phase. */
const stepOf = { join: 0, update: 1 } as const

/**
 * Waits until every client still connected has taken in the phase from every other member (and,
 * after the joins, every timed client has timed every join), for as long as deliveries keep
 * coming. Departures that overtook joins or updates still on their way would make them unseeable.
 */
async function delivered(phase: 'join' | 'update', settings: WorkerSetup): Promise<boolean> {
  const step = stepOf[phase]
  const expectedSamples = phase === 'join' ? timedClients(settings) * (settings.clients - 1) : 0
  return untilStalled(
    () => latencies.length >= expectedSamples && live().every((each) => each.delivery.complete(step)),
    () => latencies.length + live().reduce((sum, each) => sum + each.delivery.reachedAt(step), 0),
    waitLimitMs(settings.clients),
    100,
  )
}

/** Each remaining client's roster against who should be there. */
function rostersOf(observers: readonly WorkerClient[], settings: WorkerSetup) {
  const everyone = [...Array(settings.clients).keys()]
    .filter(stillJoined)
    .map((index) => ({ userId: `user-${index}`, roomName: settings.room, members: [] as string[] }))
  const seen = observers.map((each) => ({
    userId: each.client.userId,
    roomName: settings.room,
    members: each.client.members(),
  }))
  return { seen, roster: rosterErrors(everyone, seen, (observer) => observer.members) }
}

/** The joins the timed clients never saw, as how many timed clients missed each member. */
function missedByMember(): Array<[member: number, observers: number]> {
  const missed = new Map<number, number>()
  for (const [observer, seen] of timedSeen) {
    for (let member = 0; member < seen.length; member++) {
      if (member !== observer && seen[member] === 0) missed.set(member, (missed.get(member) ?? 0) + 1)
    }
  }
  return [...missed]
}

function result(settings: WorkerSetup): WorkerResult {
  const cpu = process.cpuUsage(cpuAtFirstJoin)
  loopDelay.disable()
  const observers = clients.filter((each) => each.client.connected)
  const { seen, roster } = rostersOf(observers, settings)
  const storeRoster: RosterErrors = rostersOf(
    observers.filter((each) => each.store),
    settings,
  ).roster
  const digests = new Map<string, number>()
  for (const observer of seen) {
    const digest = rosterDigest(observer.members)
    digests.set(digest, (digests.get(digest) ?? 0) + 1)
  }
  const errorCodes = new Map<string, number>()
  for (const each of clients) {
    for (const code of each.client.errors) {
      const name = each.store ? code : `${code} (light client)`
      errorCodes.set(name, (errorCodes.get(name) ?? 0) + 1)
    }
  }
  const memory = process.memoryUsage()
  return {
    latencies: Float64Array.from(latencies),
    expectedSamples: timedClients(settings) * (settings.clients - 1),
    missedJoins: missedByMember(),
    frames: counters.frames - framesAtFirstJoin,
    changes: counters.changes - changesAtFirstJoin,
    cutConnections: counters.cutConnections,
    cutReasons: [...counters.cutReasons],
    clients: clients.length,
    storeClients: clients.filter((each) => each.store).length,
    observers: observers.length,
    storeObservers: observers.filter((each) => each.store).length,
    roster,
    storeRoster,
    digests: [...digests],
    errorCodes: [...errorCodes],
    clientsWithErrors: clients.filter((each) => each.client.errors.length > 0).length,
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
    const complete = message.phase === 'depart' ? true : await delivered(message.phase, settings)
    return send({ type: 'phase-done', phase: message.phase, delivered: complete })
  }
  if (message.type === 'settle') {
    const expected = [...Array(settings.clients).keys()].filter(stillJoined).length
    await sleep(settings.leaveGraceMs)
    const ok = await until(
      () => clients.every((each) => !each.client.connected || each.client.count === expected),
      message.timeoutMs,
      250,
    )
    return send({ type: 'settled', ok })
  }
  await send({ type: 'result', result: result(settings) })
  for (const each of clients) if (each.client.connected) each.client.close()
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
// The parent is gone (stopped or crashed): its clients would reconnect forever.
process.on('disconnect', () => process.exit(1))
