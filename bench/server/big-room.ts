import { availableParallelism } from 'node:os'
import { performance } from 'node:perf_hooks'
import { isStoreClient, storeEveryFor, type Phase } from './big-room-messages.js'
import { BigRoomWorker } from './big-room-workers.js'
import { missedJoins, type MissedJoins } from './big-room-missed.js'
import { rosterDigest } from './big-room-digest.js'
import { stillJoined } from './departures.js'
import { busyShare, machineTicks } from './machine-usage.js'
import { processUsage, waitLimitMs, type Managed, type ProcessUsage } from './processes.js'
import { percentile, type RosterErrors } from './stats.js'

export interface BigRoomSettings {
  readonly clients: number
  /** Joins started a second over the whole room, spread evenly; updates and departures as fast. */
  readonly joinsPerSecond: number
  /** Processes the clients are spread over (each runs its share's sockets and stores). */
  readonly workers: number
  readonly nodes: readonly Managed[]
  /**
   * Join-to-visible is timed on every `sampleEvery`-th client (all of them see every join): at
   * 5,000 clients, 25 million samples would cost more than they tell.
   */
  readonly sampleEvery: number
  readonly room: string
  /** How many clients run a real presence store; the rest are light protocol clients. */
  readonly storeClients: number
}

/** What the clients' processes cost, to tell a slow bench from a slow server. */
export interface BenchUsage {
  /** Each worker's CPU time from the first join to the end, as a share of one core (1 = saturated). */
  readonly workerCoreShares: readonly number[]
  readonly workersCpuMs: number
  /** How long the workers' main threads waited, runnable, for a CPU over the same span, summed. */
  readonly workersWaitMs: number
  /** The parent's own CPU time over the same span (it only orchestrates). */
  readonly parentCpuMs: number
  /** The worst worker's event-loop delay: how late its timers and sockets were served. */
  readonly loopDelayP99Ms: number
  readonly loopDelayMaxMs: number
  readonly workersRssMb: number
  /** The workers' CPU time per change their clients took in: what a client costs the bench. */
  readonly cpuMicrosecondsPerChange: number
  readonly workersHeapMb: number
  /** The share of the whole machine's CPU that was busy (everything on it, not only this run). */
  readonly machineBusy: number
  /** The share of it busy with other work than this run's nodes, clients and parent. */
  readonly otherWork: number
  /** Why the latencies may be the bench's or the machine's rather than the server's; undefined if neither. */
  readonly bottleneck: string | undefined
}

export interface BigRoomResult {
  readonly samples: number
  readonly expectedSamples: number
  /** The joins the timed clients never saw, by member; undefined when every join was seen. */
  readonly missed: MissedJoins | undefined
  /**
   * Whether every client took in every join before the updates began, and every update before the
   * departures began (the phases wait for it as long as deliveries keep coming).
   */
  readonly phasesDelivered: boolean
  readonly p50: number
  readonly p95: number
  readonly p99: number
  /** Frames each client received a second, on average over the run's wall time. */
  readonly messagesPerClientPerSecond: number
  /**
   * Frames each client received a second of the workload as paced: its joins, updates and
   * departures at the given rate take 3 × clients / rate seconds, whatever the run's length. A
   * starved run that stretches to several times that spreads the same frames over more seconds,
   * so between runs under different load this is the rate to compare.
   */
  readonly messagesPerClientPerPacedSecond: number
  /** The paced length: 3 × clients / rate, in seconds. */
  readonly pacedSeconds: number
  /** Frames each client received over the run, however long it took. */
  readonly messagesPerClient: number
  readonly seconds: number
  readonly roster: RosterErrors
  readonly observers: number
  /** Clients that ran a real presence store, and those of them still connected at the end. */
  readonly storeClients: number
  readonly storeObservers: number
  /** The roster errors of the store clients alone (also counted in `roster`). */
  readonly storeRoster: RosterErrors
  /** Remaining clients whose roster is exactly who should be there (by its digest). */
  readonly exactRosters: number
  readonly settled: boolean
  /** Connections cut by the server or the network during the run (each reconnects and resyncs). */
  readonly cutConnections: number
  /** Those cuts by socket.io-client's reason. */
  readonly cutReasons: ReadonlyMap<string, number>
  readonly clientsWithErrors: number
  /** How many error events of each code the clients got. */
  readonly errorCodes: ReadonlyMap<string, number>
  readonly bench: BenchUsage
  /** Each node's CPU time over the run and its memory at the end. */
  readonly nodes: ReadonlyArray<
    ProcessUsage & { readonly cpuMsDuringRun: number; readonly waitMsDuringRun: number }
  >
}

const LEAVE_GRACE_MS = 500
/** A worker above this share of a core, or with timers this late, cannot keep up with its clients. */
const SATURATED_CORE_SHARE = 0.85
const LATE_LOOP_MS = 100
const SATURATED_MACHINE = 0.9
const percent = (share: number) => `${(share * 100).toFixed(0)}%`
/**
 * V8 heap for each worker: its stores hold (stores / workers) × clients members, some 400 B each;
 * a light client's roster is some 10 B a member.
 */
const heapMbFor = (clients: number, stores: number, workers: number) =>
  Math.max(
    1024,
    Math.ceil((((stores / workers) * 900 + ((clients - stores) / workers) * 40) * clients) / 1024 / 1024) +
      512,
  )

/** The digest every remaining client's roster must have: who is still joined, sorted. */
function expectedDigest(clients: number): string {
  const ids = [...Array(clients).keys()].filter(stillJoined).map((index) => `user-${index}`)
  return rosterDigest(ids)
}

function sumRoster(rosters: readonly RosterErrors[]): RosterErrors {
  const sum = (key: keyof RosterErrors) => rosters.reduce((total, each) => total + each[key], 0)
  const most = (key: keyof RosterErrors) => Math.max(0, ...rosters.map((each) => each[key]))
  return {
    ghosts: sum('ghosts'),
    missing: sum('missing'),
    clientsWithGhosts: sum('clientsWithGhosts'),
    clientsWithMissing: sum('clientsWithMissing'),
    worstGhosts: most('worstGhosts'),
    worstMissing: most('worstMissing'),
  }
}

function bottleneckOf(usage: Omit<BenchUsage, 'bottleneck'>): string | undefined {
  const busiest = Math.max(...usage.workerCoreShares)
  const late = usage.loopDelayP99Ms >= LATE_LOOP_MS
  if (busiest >= SATURATED_CORE_SHARE) {
    return (
      `the bench: its busiest client process used ${percent(busiest)} of a core (timers up to ` +
      `${usage.loopDelayP99Ms.toFixed(0)} ms late at p99), so the latencies include the clients' own queue`
    )
  }
  if (usage.machineBusy >= SATURATED_MACHINE) {
    return (
      `the machine: ${percent(usage.machineBusy)} of its CPU time was busy, ${percent(usage.otherWork)} ` +
      `of it other work than this run's nodes and clients; the client processes used at most ` +
      `${percent(busiest)} of a core yet their timers ran up to ${usage.loopDelayP99Ms.toFixed(0)} ms late ` +
      `(p99): every process, nodes and clients, waited for a core`
    )
  }
  if (late) {
    return (
      `the bench: its timers ran up to ${usage.loopDelayP99Ms.toFixed(0)} ms late (p99) with the ` +
      `machine not saturated (pauses in the client processes: garbage collection, large frames)`
    )
  }
  return undefined
}

/**
 * One room holding every client, members alternating between the nodes so every change crosses
 * Redis: all join, all update once, half go (a quarter leave the room, a quarter close their
 * connection); each phase begins once every client has taken in the one before. Every client is a real socket.io-client connection, `storeClients` of them with
 * their own presence store and the rest light protocol clients (a store per client does not fit
 * 5,000 clients on a small machine), spread over `workers` processes; the joiner's clock rides in
 * its data, so a join is timed wherever it is seen.
 */
export async function runBigRoom(settings: BigRoomSettings): Promise<BigRoomResult> {
  const workerCount = Math.max(1, Math.min(settings.workers, settings.clients))
  const storeEvery = storeEveryFor(settings.clients, settings.storeClients)
  const stores = [...Array(settings.clients).keys()].filter((index) =>
    isStoreClient(index, storeEvery),
  ).length
  const heapMb = heapMbFor(settings.clients, stores, workerCount)
  const workers = Array.from(
    { length: workerCount },
    (_, workerIndex) =>
      new BigRoomWorker(
        {
          urls: settings.nodes.map((node) => node.url),
          room: settings.room,
          clients: settings.clients,
          workerIndex,
          workers: workerCount,
          sampleEvery: settings.sampleEvery,
          leaveGraceMs: LEAVE_GRACE_MS,
          storeEvery,
        },
        heapMb,
      ),
  )
  try {
    await Promise.all(workers.map((worker) => worker.next('ready')))

    const nodesBefore = settings.nodes.map((node) => processUsage(node.pid))
    const workersBefore = workers.map((worker) => processUsage(worker.pid))
    const machineBefore = machineTicks()
    const parentBefore = process.cpuUsage()
    const phaseStarted = performance.now()

    /** Runs a phase on every worker; resolves once each has it delivered to all its clients. */
    const phase = async (name: Phase) => {
      // A moment ahead, so every worker has the command before its first client's turn.
      const startAt = performance.timeOrigin + performance.now() + 200
      for (const worker of workers)
        worker.send({ type: 'phase', phase: name, startAt, perSecond: settings.joinsPerSecond })
      const done = await Promise.all(workers.map((worker) => worker.next('phase-done')))
      return done.every((each) => each.delivered)
    }
    const joinsDelivered = await phase('join')
    const updatesDelivered = await phase('update')
    const phasesDelivered = joinsDelivered && updatesDelivered
    await phase('depart')
    const timeoutMs = waitLimitMs(settings.clients)
    for (const worker of workers) worker.send({ type: 'settle', timeoutMs })
    const settled = (await Promise.all(workers.map((worker) => worker.next('settled')))).every(
      (each) => each.ok,
    )

    const seconds = (performance.now() - phaseStarted) / 1000
    const nodesAfter = settings.nodes.map((node) => processUsage(node.pid))
    const workersAfter = workers.map((worker) => processUsage(worker.pid))
    const machineBusy = busyShare(machineBefore, machineTicks())
    const parentCpu = process.cpuUsage(parentBefore)
    for (const worker of workers) worker.send({ type: 'finish' })
    const results = (await Promise.all(workers.map((worker) => worker.next('result')))).map(
      (each) => each.result,
    )

    const latencies = new Float64Array(results.reduce((sum, each) => sum + each.latencies.length, 0))
    let offset = 0
    for (const each of results) {
      latencies.set(each.latencies, offset)
      offset += each.latencies.length
    }
    latencies.sort()
    const digests = new Map<string, number>()
    for (const [digest, count] of results.flatMap((each) => each.digests)) {
      digests.set(digest, (digests.get(digest) ?? 0) + count)
    }
    const errorCodes = new Map<string, number>()
    for (const [code, count] of results.flatMap((each) => each.errorCodes)) {
      errorCodes.set(code, (errorCodes.get(code) ?? 0) + count)
    }
    const cutReasons = new Map<string, number>()
    for (const [reason, count] of results.flatMap((each) => each.cutReasons)) {
      cutReasons.set(reason, (cutReasons.get(reason) ?? 0) + count)
    }
    const roster = sumRoster(results.map((each) => each.roster))
    const observers = results.reduce((sum, each) => sum + each.observers, 0)
    const exactRosters = digests.get(expectedDigest(settings.clients)) ?? 0
    // /proc when the worker is still there to read, else its own count.
    const workerCpu = workers.map((_, index) => {
      const before = workersBefore[index]
      const after = workersAfter[index]
      return before && after ? after.cpuMs - before.cpuMs : (results[index]?.cpuMs ?? Number.NaN)
    })
    const nodesCpuMs = nodesAfter.reduce(
      (sum, after, index) => sum + (after?.cpuMs ?? 0) - (nodesBefore[index]?.cpuMs ?? 0),
      0,
    )
    const parentCpuMs = (parentCpu.user + parentCpu.system) / 1000
    const workersCpuMs = workerCpu.reduce((sum, each) => sum + each, 0)
    const runShare = (nodesCpuMs + workersCpuMs + parentCpuMs) / 1000 / seconds / availableParallelism()
    const usage = {
      workerCoreShares: workerCpu.map((cpuMs) => cpuMs / 1000 / seconds),
      workersCpuMs,
      workersWaitMs: workers.reduce(
        (sum, _, index) =>
          sum +
          (workersAfter[index]?.runQueueWaitMs ?? Number.NaN) -
          (workersBefore[index]?.runQueueWaitMs ?? Number.NaN),
        0,
      ),
      parentCpuMs,
      loopDelayP99Ms: Math.max(...results.map((each) => each.loopDelayP99Ms)),
      loopDelayMaxMs: Math.max(...results.map((each) => each.loopDelayMaxMs)),
      workersRssMb: workersAfter.reduce((sum, each) => sum + (each?.rssMb ?? 0), 0),
      workersHeapMb: results.reduce((sum, each) => sum + each.heapUsedMb, 0),
      cpuMicrosecondsPerChange: (workersCpuMs * 1000) / results.reduce((sum, each) => sum + each.changes, 0),
      machineBusy,
      otherWork: Math.max(0, machineBusy - runShare),
    }
    const frames = results.reduce((sum, each) => sum + each.frames, 0)
    const pacedSeconds = (3 * settings.clients) / settings.joinsPerSecond
    return {
      samples: latencies.length,
      expectedSamples: results.reduce((sum, each) => sum + each.expectedSamples, 0),
      missed: missedJoins(
        settings.clients,
        results.map((each) => each.missedJoins),
      ),
      phasesDelivered,
      p50: percentile(latencies, 0.5),
      p95: percentile(latencies, 0.95),
      p99: percentile(latencies, 0.99),
      // Every client counts, also those that went, over the whole run: what a client's socket carries.
      messagesPerClientPerSecond: frames / settings.clients / seconds,
      messagesPerClientPerPacedSecond: frames / settings.clients / pacedSeconds,
      pacedSeconds,
      messagesPerClient: frames / settings.clients,
      seconds,
      roster,
      observers,
      storeClients: results.reduce((sum, each) => sum + each.storeClients, 0),
      storeObservers: results.reduce((sum, each) => sum + each.storeObservers, 0),
      storeRoster: sumRoster(results.map((each) => each.storeRoster)),
      exactRosters,
      settled,
      cutConnections: results.reduce((sum, each) => sum + each.cutConnections, 0),
      cutReasons,
      clientsWithErrors: results.reduce((sum, each) => sum + each.clientsWithErrors, 0),
      errorCodes,
      bench: { ...usage, bottleneck: bottleneckOf(usage) },
      nodes: nodesAfter.map((after, index) => {
        const before = nodesBefore[index]
        if (after === undefined || before === undefined) {
          return {
            cpuMs: Number.NaN,
            rssMb: Number.NaN,
            peakRssMb: Number.NaN,
            runQueueWaitMs: Number.NaN,
            cpuMsDuringRun: Number.NaN,
            waitMsDuringRun: Number.NaN,
          }
        }
        return {
          ...after,
          cpuMsDuringRun: after.cpuMs - before.cpuMs,
          waitMsDuringRun: after.runQueueWaitMs - before.runQueueWaitMs,
        }
      }),
    }
  } finally {
    await Promise.all(workers.map((worker) => worker.stop()))
  }
}
