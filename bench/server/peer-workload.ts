import { performance } from 'node:perf_hooks'
import { io, type Socket } from 'socket.io-client'
import { percentile, rosterErrors, sleep, until } from './stats.js'
import type { WorkloadResult, WorkloadSettings } from './workload.js'

interface PeerClient {
  readonly userId: string
  readonly roomName: string
  readonly socket: Socket
  /** connection id → user id, as this client knows the room. */
  readonly roster: Map<string, string>
  synced: boolean
  joined: boolean
  connected: boolean
}

/** The same workload as `runWorkload`, on the peer: raw sockets keeping a roster map each. */
export async function runPeerWorkload(settings: WorkloadSettings): Promise<WorkloadResult> {
  const joinStarted = new Map<string, number>()
  const latencies: number[] = []
  let messages = 0
  const clients: PeerClient[] = []

  for (let index = 0; index < settings.clients; index++) {
    const userId = `user-${index}`
    const roomName = `room-${Math.floor(index / settings.roomSize)}`
    const url = settings.nodeUrls[index % settings.nodeUrls.length] as string
    const socket = io(url, { transports: ['websocket'], forceNew: true, auth: { userId } })
    const entry: PeerClient = {
      userId,
      roomName,
      socket,
      roster: new Map(),
      synced: false,
      joined: false,
      connected: true,
    }
    socket.onAny(() => messages++)
    socket.on('connect', () => socket.emit('watch', { room: roomName }))
    socket.on('roster', ({ roster }: { roster: Array<{ userId: string; connectionId: string }> }) => {
      for (const each of roster) entry.roster.set(each.connectionId, each.userId)
      entry.synced = true
    })
    const joinsSeen = new Set<string>()
    socket.on('joined', (message: { userId: string; connectionId: string }) => {
      const started = joinStarted.get(message.userId)
      if (started !== undefined && message.userId !== userId && !joinsSeen.has(message.userId)) {
        joinsSeen.add(message.userId)
        latencies.push(performance.now() - started)
      }
      entry.roster.set(message.connectionId, message.userId)
    })
    socket.on('left', (message: { connectionId: string }) => entry.roster.delete(message.connectionId))
    clients.push(entry)
    if (index % 50 === 49) await sleep(20)
  }
  const synced = await until(() => clients.every((each) => each.synced), 30_000)
  if (!synced) throw new Error('not every peer client got its roster within 30 s')

  const phaseStarted = performance.now()
  const messagesBefore = messages
  const gap = 1000 / settings.joinsPerSecond
  for (const [index, each] of clients.entries()) {
    joinStarted.set(each.userId, performance.now())
    each.socket.emit('join', { room: each.roomName, data: { step: 0 } })
    each.roster.set(each.socket.id as string, each.userId)
    each.joined = true
    const wait = phaseStarted + (index + 1) * gap - performance.now()
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

  for (const step of [1, 2]) {
    for (const [index, each] of clients.entries()) {
      each.socket.emit('update', { room: each.roomName, data: { step } })
      each.socket.emit('typing', { room: each.roomName, typing: step === 1 })
      if (index % 100 === 99) await sleep(50)
    }
    await sleep(300)
  }

  for (const [index, each] of clients.entries()) {
    if (index % 4 === 1) {
      each.socket.emit('leave', { room: each.roomName })
      each.roster.delete(each.socket.id as string)
      each.joined = false
    } else if (index % 4 === 2) {
      each.socket.disconnect()
      each.joined = false
      each.connected = false
    }
  }
  const observers = clients.filter((each) => each.connected)
  const joined = clients.filter((each) => each.joined)
  const count = () => rosterErrors(joined, observers, (observer) => observer.roster.values())
  await sleep(500)
  await until(() => {
    const { ghosts, missing } = count()
    return ghosts === 0 && missing === 0
  }, 15_000)
  await sleep(500)
  const elapsedSeconds = (performance.now() - phaseStarted) / 1000
  const roster = count()
  const phaseMessages = messages - messagesBefore
  for (const each of observers) each.socket.disconnect()
  return {
    samples,
    expectedSamples,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    // The peer's clients only keep a map: the socket is where its joins become visible.
    wire: [percentile(sorted, 0.5), percentile(sorted, 0.95), percentile(sorted, 0.99)],
    messagesPerSecond: phaseMessages / elapsedSeconds,
    messages: phaseMessages,
    roster,
    observers: observers.length,
    clientsWithErrors: 0,
  }
}
