import { performance } from 'node:perf_hooks'
import { createPresenceClient, type PresenceClient, type Room } from '@presence-kit/core'
import { createSocketIoAdapter, type SocketIoAdapter } from '@presence-kit/adapters/socket-io'
import { createPresenceToken } from '@presence-kit/server'
import { depart } from './departures.js'
import { SECRET, processUsage, type Managed, type ProcessUsage } from './processes.js'
import { percentile, rosterErrors, sleep, until, type RosterErrors } from './stats.js'

export interface BigRoomSettings {
  readonly clients: number
  /** Joins started a second, spread evenly; updates go twice as fast, leaves as fast. */
  readonly joinsPerSecond: number
  readonly nodes: readonly Managed[]
  /**
   * Join-to-visible is timed on every `sampleEvery`-th client (all of them see every join): at
   * 5,000 clients, 25 million samples would cost more than they tell.
   */
  readonly sampleEvery: number
  readonly room: string
}

export interface BigRoomResult {
  readonly samples: number
  readonly expectedSamples: number
  readonly p50: number
  readonly p95: number
  readonly p99: number
  /** Frames each client received a second, on average over the joining, updating and leaving. */
  readonly messagesPerClientPerSecond: number
  /** Frames each client received over the run, however long it took. */
  readonly messagesPerClient: number
  readonly seconds: number
  readonly roster: RosterErrors
  readonly observers: number
  readonly clientsWithErrors: number
  /** How many error events of each code the clients got. */
  readonly errorCodes: ReadonlyMap<string, number>
  /** The memory of this process, which runs every client's socket and store, at the end. */
  readonly benchRssMb: number
  /** Each node's CPU time over the run and its memory at the end. */
  readonly nodes: ReadonlyArray<ProcessUsage & { readonly cpuMsDuringRun: number }>
}

interface BigRoomClient {
  readonly userId: string
  readonly roomName: string
  readonly adapter: SocketIoAdapter
  readonly client: PresenceClient
  readonly room: Room
  joined: boolean
  connected: boolean
  /** The codes of the error events the client's room reported. */
  errors: string[]
}

const LEAVE_GRACE_MS = 500

/** Runs `act` on each item at `perSecond`, spread evenly. */
async function paced<T>(items: readonly T[], perSecond: number, act: (item: T, index: number) => void) {
  const started = performance.now()
  const gap = 1000 / perSecond
  for (const [index, item] of items.entries()) {
    act(item, index)
    const wait = started + (index + 1) * gap - performance.now()
    if (wait > 0) await sleep(wait)
  }
}

/**
 * One room holding every client, members alternating between the nodes so every change crosses
 * Redis: all join, all update once, half go (a quarter leave the room, a quarter close their
 * connection). Every client is a real socket.io-client connection with its own presence store.
 */
export async function runBigRoom(settings: BigRoomSettings): Promise<BigRoomResult> {
  const joinStarted = new Map<string, number>()
  const latencies: number[] = []
  let frames = 0
  const clients: BigRoomClient[] = []
  const urls = settings.nodes.map((node) => node.url)

  for (let index = 0; index < settings.clients; index++) {
    const userId = `user-${index}`
    const adapter = createSocketIoAdapter({
      url: urls[index % urls.length] as string,
      connectOnServer: true,
      token: createPresenceToken({ userId, name: `User ${index}` }, SECRET),
      socketOptions: { forceNew: true, reconnectionDelay: 200 },
    })
    adapter.socket.onAny(() => frames++)
    const client = createPresenceClient({ adapter, user: { id: userId }, leaveGraceMs: LEAVE_GRACE_MS })
    const room = client.room(settings.room)
    const entry: BigRoomClient = {
      userId,
      roomName: settings.room,
      adapter,
      client,
      room,
      joined: false,
      connected: true,
      errors: [],
    }
    if (index % settings.sampleEvery === 0) {
      const seen = new Set<string>()
      room.on('join', (event) => {
        const { userId: joiner, isSelf } = event.member
        const started = joinStarted.get(joiner)
        if (started === undefined || isSelf || seen.has(joiner)) return
        seen.add(joiner)
        latencies.push(performance.now() - started)
      })
    }
    room.on('error', (event) => entry.errors.push(event.error.code))
    room.watch()
    clients.push(entry)
    if (index % 50 === 49) await sleep(20)
  }
  const connectTimeout = 30_000 + settings.clients * 10
  if (!(await until(() => clients.every((each) => each.room.get().synced), connectTimeout, 250))) {
    throw new Error(`not every client got its first snapshot within ${connectTimeout} ms`)
  }

  const before = settings.nodes.map((node) => processUsage(node.pid))
  const phaseStarted = performance.now()
  const framesBefore = frames
  const rate = settings.joinsPerSecond

  await paced(clients, rate, (each) => {
    joinStarted.set(each.userId, performance.now())
    each.room.join({ step: 0 })
    each.joined = true
  })
  const sampled = Math.ceil(settings.clients / settings.sampleEvery)
  const expectedSamples = sampled * (settings.clients - 1)
  await until(() => latencies.length >= expectedSamples, 60_000 + settings.clients * 20, 100)

  await paced(clients, rate * 2, (each) => each.room.update({ step: 1 }))
  await paced(clients, rate, depart)

  const observers = clients.filter((each) => each.connected)
  const joined = clients.filter((each) => each.joined)
  // Cheap first (each store's member count), then the full comparison once, which costs clients².
  await sleep(LEAVE_GRACE_MS)
  await until(
    () => observers.every((each) => each.room.get().count === joined.length),
    60_000 + settings.clients * 10,
    250,
  )
  await sleep(500)
  const seconds = (performance.now() - phaseStarted) / 1000
  const phaseFrames = frames - framesBefore
  const after = settings.nodes.map((node) => processUsage(node.pid))
  const roster = rosterErrors(joined, observers, (observer) =>
    observer.room.get().members.map((member) => member.userId),
  )
  // Counted at the end: a join that is slow to show (a starved machine) is late, not lost.
  const samples = latencies.length
  const sorted = latencies.toSorted((a, b) => a - b)
  const clientsWithErrors = clients.filter((each) => each.errors.length > 0).length
  const errorCodes = new Map<string, number>()
  for (const code of clients.flatMap((each) => each.errors))
    errorCodes.set(code, (errorCodes.get(code) ?? 0) + 1)
  const benchRssMb = process.memoryUsage().rss / 1024 / 1024
  for (const each of observers) {
    each.client.destroy()
    each.adapter.destroy?.()
  }
  const nodes = after.map((usage, index) => {
    const start = before[index]
    if (usage === undefined || start === undefined) {
      return { cpuMs: Number.NaN, rssMb: Number.NaN, peakRssMb: Number.NaN, cpuMsDuringRun: Number.NaN }
    }
    return { ...usage, cpuMsDuringRun: usage.cpuMs - start.cpuMs }
  })
  return {
    samples,
    expectedSamples,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    // Every client counts, also those that went, over the whole run: what a client's socket carries.
    messagesPerClientPerSecond: phaseFrames / settings.clients / seconds,
    messagesPerClient: phaseFrames / settings.clients,
    seconds,
    roster,
    observers: observers.length,
    clientsWithErrors,
    errorCodes,
    benchRssMb,
    nodes,
  }
}
