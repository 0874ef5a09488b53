import { performance } from 'node:perf_hooks'
import { createPresenceClient, type PresenceClient, type Room } from '@presence-kit/core'
import { createSocketIoAdapter, type SocketIoAdapter } from '@presence-kit/adapters/socket-io'
import { createPresenceToken, type BatchMessage } from '@presence-kit/server'
import { depart } from './departures.js'
import { SECRET } from './processes.js'
import { percentile, rosterErrors, sleep, until, type RosterErrors } from './stats.js'

export interface WorkloadSettings {
  readonly clients: number
  readonly roomSize: number
  /** Joins started a second, spread evenly. */
  readonly joinsPerSecond: number
  readonly nodeUrls: readonly string[]
}

export interface WorkloadResult {
  readonly samples: number
  readonly expectedSamples: number
  readonly p50: number
  readonly p95: number
  readonly p99: number
  /** When the join reached the client's socket, before its store (p50, p95, p99). */
  readonly wire: readonly [number, number, number]
  readonly messagesPerSecond: number
  readonly messages: number
  /** The clients' rosters against who was still joined, once settled. */
  readonly roster: RosterErrors
  readonly observers: number
  readonly clientsWithErrors: number
}

interface BenchClient {
  readonly userId: string
  readonly roomName: string
  readonly adapter: SocketIoAdapter
  readonly client: PresenceClient
  readonly room: Room
  joined: boolean
  connected: boolean
  errors: number
}

const LEAVE_GRACE_MS = 500

/**
 * Every client is a real socket.io-client connection with its own presence store, as a browser
 * tab would be; rooms alternate their members between the nodes, so every join crosses Redis.
 */
export async function runWorkload(settings: WorkloadSettings): Promise<WorkloadResult> {
  const joinStarted = new Map<string, number>()
  const latencies: number[] = []
  const wire: number[] = []
  let messages = 0
  const clients: BenchClient[] = []

  for (let index = 0; index < settings.clients; index++) {
    const userId = `user-${index}`
    const roomName = `room-${Math.floor(index / settings.roomSize)}`
    const url = settings.nodeUrls[index % settings.nodeUrls.length] as string
    const adapter = createSocketIoAdapter({
      url,
      // The benchmark's clients run in Node, not a page.
      connectOnServer: true,
      token: createPresenceToken({ userId, name: `User ${index}` }, SECRET),
      socketOptions: { forceNew: true, reconnectionDelay: 200 },
    })
    adapter.socket.onAny(() => messages++)
    const onWireJoin = (joiner: string | undefined) => {
      const started = joiner === undefined || joiner === userId ? undefined : joinStarted.get(joiner)
      if (started !== undefined) wire.push(performance.now() - started)
    }
    adapter.socket.on('presence:join', (message: { connection?: { userId?: string } }) =>
      onWireJoin(message.connection?.userId),
    )
    // The adapter asks for batches: a busy room's joins arrive inside presence:batch frames.
    adapter.socket.on('presence:batch', (message: BatchMessage) => {
      for (const change of message.changes) if (change.type === 'join') onWireJoin(change.connection.userId)
    })
    // The default batching, one commit per 16 ms here as per frame in a browser: a store per
    // client costs what it costs in a tab, not the price of a commit per message.
    const client = createPresenceClient({ adapter, user: { id: userId }, leaveGraceMs: LEAVE_GRACE_MS })
    const room = client.room(roomName)
    const entry: BenchClient = {
      userId,
      roomName,
      adapter,
      client,
      room,
      joined: false,
      connected: true,
      errors: 0,
    }
    // One sample per member this client saw join: a join seen again (after a resync, say) must not
    // stand in for one never seen.
    const joinsSeen = new Set<string>()
    room.on('join', (event) => {
      const { userId: joiner, isSelf } = event.member
      const started = joinStarted.get(joiner)
      if (started === undefined || isSelf || joinsSeen.has(joiner)) return
      joinsSeen.add(joiner)
      latencies.push(performance.now() - started)
    })
    room.on('error', () => entry.errors++)
    room.watch()
    clients.push(entry)
    // Connect in steps, as users arrive, rather than one handshake storm.
    if (index % 50 === 49) await sleep(20)
  }
  const synced = await until(() => clients.every((each) => each.room.get().synced), 30_000)
  if (!synced) throw new Error('not every client got its first snapshot within 30 s')

  const phaseStarted = performance.now()
  const messagesBefore = messages
  const gap = 1000 / settings.joinsPerSecond
  for (const [index, each] of clients.entries()) {
    joinStarted.set(each.userId, performance.now())
    each.room.join({ step: 0 })
    each.joined = true
    const due = phaseStarted + (index + 1) * gap
    const wait = due - performance.now()
    if (wait > 0) await sleep(wait)
  }
  const rooms = Math.ceil(settings.clients / settings.roomSize)
  let expectedSamples = 0
  for (let room = 0; room < rooms; room++) {
    const size = Math.min(settings.roomSize, settings.clients - room * settings.roomSize)
    expectedSamples += size * (size - 1)
  }
  await until(() => latencies.length >= expectedSamples, 30_000)
  const samples = latencies.length
  const sorted = latencies.toSorted((a, b) => a - b)
  const wireSorted = wire.toSorted((a, b) => a - b)

  // Updates and typing: every client changes its data twice and types once.
  for (const [index, each] of clients.entries()) {
    each.room.update({ step: 1 })
    each.room.startTyping()
    if (index % 100 === 99) await sleep(50)
  }
  await sleep(300)
  for (const [index, each] of clients.entries()) {
    each.room.update({ step: 2 })
    each.room.stopTyping()
    if (index % 100 === 99) await sleep(50)
  }
  await sleep(300)

  // Half the clients go: a quarter leave the room, a quarter close their connection.
  for (const [index, each] of clients.entries()) depart(each, index)

  const observers = clients.filter((each) => each.connected)
  const joined = clients.filter((each) => each.joined)
  const count = () =>
    rosterErrors(joined, observers, (observer) => observer.room.get().members.map((member) => member.userId))
  await sleep(LEAVE_GRACE_MS)
  await until(() => {
    const { ghosts, missing } = count()
    return ghosts === 0 && missing === 0
  }, 15_000)
  // Settled: hold a moment longer, so a late message that would undo it is caught too.
  await sleep(500)
  const elapsedSeconds = (performance.now() - phaseStarted) / 1000
  const roster = count()
  const phaseMessages = messages - messagesBefore
  const clientsWithErrors = clients.filter((each) => each.errors > 0).length

  for (const each of observers) {
    each.client.destroy()
    each.adapter.destroy?.()
  }
  return {
    samples,
    expectedSamples,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    wire: [percentile(wireSorted, 0.5), percentile(wireSorted, 0.95), percentile(wireSorted, 0.99)],
    messagesPerSecond: phaseMessages / elapsedSeconds,
    messages: phaseMessages,
    roster,
    observers: observers.length,
    clientsWithErrors,
  }
}
