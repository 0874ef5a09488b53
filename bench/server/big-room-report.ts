import { availableParallelism, loadavg } from 'node:os'
import { runBigRoom, type BigRoomResult } from './big-room.js'
import { startNode, type Managed } from './processes.js'

export interface BigRoomBenchSettings {
  readonly redisUrl: string
  /** Clients in the one big room, run with the chosen window; 0 leaves that run out. */
  readonly clients: number
  readonly joinsPerSecond: number
  /** Clients of the window comparison; 0 leaves it out. */
  readonly compareClients: number
  readonly compareJoinsPerSecond: number
  /** The windows the comparison runs, in order; 0 is batching off. */
  readonly compareWindows: readonly number[]
  /** The window of the big room and the "on" side of the ratios. */
  readonly batchWindowMs: number
  /** Client processes; undefined for one per 1,000 clients, at least two. */
  readonly workers: number | undefined
  readonly sampleEvery: number
  /**
   * Clients that run a real presence store in each run; the rest are light protocol clients.
   * Undefined: every client a store.
   */
  readonly storeClients: number | undefined
  /** The nodes' Engine.IO ping timeout when the run widens it; undefined: the server's default. */
  readonly pingTimeoutMs: number | undefined
}

const format = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a')
const percent = (share: number) => `${format(share * 100, 0)}%`
const workersFor = (clients: number, workers: number | undefined) =>
  workers ?? Math.max(2, Math.ceil(clients / 1000))

async function runOn(
  label: string,
  settings: BigRoomBenchSettings,
  clients: number,
  joinsPerSecond: number,
  batchWindowMs: number,
  started: Managed[],
): Promise<BigRoomResult> {
  const env = {
    PRESENCE_BATCH_WINDOW_MS: String(batchWindowMs),
    ...(settings.pingTimeoutMs === undefined
      ? {}
      : { PRESENCE_PING_TIMEOUT_MS: String(settings.pingTimeoutMs) }),
  }
  const starting = await Promise.allSettled([
    startNode(settings.redisUrl, `big-${label}-a`, env),
    startNode(settings.redisUrl, `big-${label}-b`, env),
  ])
  // A node that started is stopped at the end even when the other did not.
  const nodes = starting.flatMap((each) => (each.status === 'fulfilled' ? [each.value] : []))
  started.push(...nodes)
  const failed = starting.find((each) => each.status === 'rejected')
  if (failed !== undefined) throw failed.reason
  try {
    return await runBigRoom({
      clients,
      joinsPerSecond,
      workers: workersFor(clients, settings.workers),
      nodes,
      sampleEvery: clients >= 2000 ? settings.sampleEvery : 1,
      room: `big-room-${label}`,
      storeClients: settings.storeClients ?? clients,
    })
  } finally {
    await Promise.all(nodes.map((node) => node.stop()))
  }
}

const windowName = (windowMs: number) => (windowMs === 0 ? 'batching off (0)' : `window ${windowMs} ms`)

function describe(label: string, clients: number, result: BigRoomResult): void {
  const [lastMinute] = loadavg()
  const { bench } = result
  const kinds =
    result.storeClients === clients
      ? 'each a presence store'
      : `${result.storeClients} presence stores, ${clients - result.storeClients} light protocol clients`
  console.log(`${label}: ${clients} clients in one room (${kinds}), ${format(result.seconds)} s`)
  console.log(
    `  join-to-visible p50 ${format(result.p50)} ms, p95 ${format(result.p95)} ms, p99 ${format(result.p99)} ms ` +
      `(${result.samples} of ${result.expectedSamples} joins seen by the timed clients by the end)`,
  )
  if (!result.phasesDelivered) {
    console.log(
      '  NOT DELIVERED: a phase began before every client had taken in the one before ' +
        '(its deliveries stalled past the wait)',
    )
  }
  const { missed } = result
  if (missed !== undefined) {
    const [first, median, last] = missed.joinOrder.map((share) => percent(share))
    console.log(
      `  joins never seen: ${missed.samples} by the timed clients, of ${missed.members} members ` +
        `(${missed.departedMembers} of them went in the depart phase; ${missed.lastTenthMembers} among the ` +
        `last 10% to join; their place in the join order: first ${first}, median ${median}, last ${last})`,
    )
  }
  console.log(
    `  messages per client per second: ${format(result.messagesPerClientPerPacedSecond, 2)} over the ` +
      `workload as paced (${format(result.pacedSeconds, 0)} s), ${format(result.messagesPerClientPerSecond, 2)} ` +
      `over the run's wall time; ${format(result.messagesPerClient, 0)} per client over the run`,
  )
  for (const [index, node] of result.nodes.entries()) {
    console.log(
      `  node ${index === 0 ? 'a' : 'b'}: CPU time ${format(node.cpuMsDuringRun / 1000, 2)} s over the run ` +
        `(${percent(node.cpuMsDuringRun / 1000 / result.seconds)} of a core), its main thread waited ` +
        `${format(node.waitMsDuringRun / 1000, 1)} s for a CPU while runnable ` +
        `(${percent(node.waitMsDuringRun / 1000 / result.seconds)} of the run), ` +
        `RSS ${format(node.rssMb, 0)} MB at the end, peak ${format(node.peakRssMb, 0)} MB`,
    )
  }
  console.log(
    `  the bench: ${bench.workerCoreShares.length} client processes, CPU time ${format(bench.workersCpuMs / 1000, 2)} s ` +
      `(each ${bench.workerCoreShares.map(percent).join(', ')} of a core; their main threads waited ` +
      `${format(bench.workersWaitMs / 1000, 1)} s in all for a CPU), timers late p99 ` +
      `${format(bench.loopDelayP99Ms, 0)} ms (max ${format(bench.loopDelayMaxMs, 0)}), RSS ` +
      `${format(bench.workersRssMb, 0)} MB in all (heap in use ${format(bench.workersHeapMb, 0)} MB); its parent ${format(bench.parentCpuMs / 1000, 2)} s; ` +
      `${format(bench.cpuMicrosecondsPerChange)} µs of the workers' CPU per change their clients took in`,
  )
  console.log(
    `  the machine: ${percent(bench.machineBusy)} of its CPU time busy over the run, ` +
      `${percent(bench.otherWork)} with other work than this run's nodes and clients; ` +
      `load average ${format(lastMinute ?? Number.NaN)} on ${availableParallelism()} CPUs`,
  )
  console.log(
    bench.bottleneck === undefined
      ? '  bottleneck: not the bench (no client process saturated, the machine not saturated)'
      : `  bottleneck: ${bench.bottleneck}`,
  )
  console.log(
    `  at the end: ${result.roster.ghosts} ghosts on ${result.roster.clientsWithGhosts} of ${result.observers} clients, ` +
      `${result.roster.missing} missing on ${result.roster.clientsWithMissing}; ${result.exactRosters} of ` +
      `${result.observers} rosters exactly right (by digest)${result.settled ? '' : '; NOT SETTLED in time'}; ` +
      (result.storeClients === clients
        ? ''
        : `of them the ${result.storeObservers} remaining stores: ${result.storeRoster.ghosts} ghosts, ` +
          `${result.storeRoster.missing} missing; `) +
      `connections cut and resumed: ${result.cutConnections}` +
      (result.cutReasons.size === 0
        ? ''
        : ` (${[...result.cutReasons].map(([reason, count]) => `${reason} ×${count}`).join(', ')})`) +
      `; clients with an error event: ${result.clientsWithErrors}` +
      (result.errorCodes.size === 0
        ? ''
        : ` (${[...result.errorCodes].map(([code, count]) => `${code} ×${count}`).join(', ')})`),
  )
}

const cpuOf = (result: BigRoomResult) => result.nodes.reduce((sum, node) => sum + node.cpuMsDuringRun, 0)

type Outcome = [name: string, met: boolean, kind: 'correctness' | 'timing' | 'ratio']

function correctness(label: string, result: BigRoomResult): Outcome[] {
  return [
    [`${label}: 0 ghosts on every client`, result.roster.ghosts === 0, 'correctness'],
    [`${label}: 0 missing on every client`, result.roster.missing === 0, 'correctness'],
    [`${label}: every remaining roster exact`, result.exactRosters === result.observers, 'correctness'],
    [`${label}: every join seen`, result.samples >= result.expectedSamples, 'correctness'],
    [
      `${label}: every join and update delivered to every client before the next phase`,
      result.phasesDelivered,
      'correctness',
    ],
  ]
}

/** One line per window: what the default is chosen from. */
function compareWindows(clients: number, runs: ReadonlyArray<readonly [number, BigRoomResult]>): void {
  console.log(`\nwindows at ${clients} clients (same run):`)
  console.log(
    '  window | msg/client/s (paced) | msg/client | nodes CPU s | p50 ms | p95 ms | p99 ms | exact rosters | bottleneck',
  )
  for (const [windowMs, result] of runs) {
    console.log(
      `  ${String(windowMs).padStart(6)} | ${format(result.messagesPerClientPerPacedSecond, 2).padStart(21)} | ` +
        `${format(result.messagesPerClient, 0).padStart(10)} | ${format(cpuOf(result) / 1000, 2).padStart(11)} | ` +
        `${format(result.p50, 0).padStart(6)} | ${format(result.p95, 0).padStart(6)} | ` +
        `${format(result.p99, 0).padStart(6)} | ${`${result.exactRosters}/${result.observers}`.padStart(13)} | ` +
        `${result.bench.bottleneck === undefined ? 'not the bench' : result.bench.bottleneck.split(':')[0]}`,
    )
  }
}

/**
 * The big room: every client in one room on two nodes and Redis. First the window comparison at
 * `compareClients` (batching off and on, or a sweep of windows), then the big room at `clients`.
 * Returns whether correctness held (timings and ratios never fail it).
 */
export async function benchBigRoom(settings: BigRoomBenchSettings, started: Managed[]): Promise<boolean> {
  console.log(
    `\nbench:server big room: joins, updates, then leaves and closes, each at the given rate over the ` +
      `whole room; clients spread over processes (${settings.workers ?? 'one per 1,000 clients, at least 2'})`,
  )
  console.log(
    settings.pingTimeoutMs === undefined
      ? "heartbeat: the server's defaults (a ping every 10 s, a connection cut after 10 s without its answer)"
      : `heartbeat WIDENED by --ping-timeout: a connection is cut after ${settings.pingTimeoutMs} ms without ` +
          "its answer to a ping (the server's default is 10,000 ms), so a client process starved that long " +
          'is not cut and resumed; the checks are unchanged',
  )
  if (settings.storeClients !== undefined) {
    console.log(
      "light clients: each receives every frame on its own socket and checks it with the protocol's readers; " +
        "a process's light clients parse identical frame texts once",
    )
  }
  const outcomes: Outcome[] = []
  const runs: Array<[number, BigRoomResult]> = []
  // A comparison of 0 clients is left out: the big room alone.
  for (const windowMs of settings.compareClients > 0 ? settings.compareWindows : []) {
    const result = await runOn(
      `w${windowMs}`,
      settings,
      settings.compareClients,
      settings.compareJoinsPerSecond,
      windowMs,
      started,
    )
    describe(
      `${windowName(windowMs)}, ${settings.compareJoinsPerSecond} joins a second`,
      settings.compareClients,
      result,
    )
    outcomes.push(...correctness(`${settings.compareClients} clients, ${windowName(windowMs)}`, result))
    runs.push([windowMs, result])
  }
  if (runs.length > 2) compareWindows(settings.compareClients, runs)
  const off = runs.find(([windowMs]) => windowMs === 0)?.[1]
  const on = runs.find(([windowMs]) => windowMs === settings.batchWindowMs)?.[1]
  if (off !== undefined && on !== undefined) {
    const messageRatio = off.messagesPerClientPerPacedSecond / on.messagesPerClientPerPacedSecond
    const wallRatio = off.messagesPerClientPerSecond / on.messagesPerClientPerSecond
    const cpuRatio = cpuOf(off) / cpuOf(on)
    console.log(
      `batching (${settings.batchWindowMs} ms) at ${settings.compareClients} clients: messages per client per second ` +
        `${format(off.messagesPerClientPerPacedSecond, 2)} → ${format(on.messagesPerClientPerPacedSecond, 2)} ` +
        `(${format(messageRatio, 1)}x fewer; over wall time ${format(off.messagesPerClientPerSecond, 2)} → ` +
        `${format(on.messagesPerClientPerSecond, 2)}, ${format(wallRatio, 1)}x, the slower run's frames spread over ` +
        `more seconds; over the run ${format(off.messagesPerClient, 0)} → ` +
        `${format(on.messagesPerClient, 0)} per client, ${format(off.messagesPerClient / on.messagesPerClient, 1)}x ` +
        `fewer); nodes' CPU time ${format(cpuOf(off) / 1000, 2)} s → ${format(cpuOf(on) / 1000, 2)} s ` +
        `(${format(cpuRatio, 2)}x less); p95 join-to-visible ${format(off.p95)} → ${format(on.p95)} ms`,
    )
    outcomes.push([
      'batching cuts messages per client per second (as paced) at least 10x',
      messageRatio >= 10,
      'ratio',
    ])
    outcomes.push(["batching lowers the nodes' CPU time", cpuRatio > 1, 'ratio'])
  }
  // The big room last: the comparison's figures are printed even when it cannot finish here.
  if (settings.clients > 0) {
    const big = await runOn(
      'big',
      settings,
      settings.clients,
      settings.joinsPerSecond,
      settings.batchWindowMs,
      started,
    )
    describe(
      `big room, ${windowName(settings.batchWindowMs)}, ${settings.joinsPerSecond} joins a second`,
      settings.clients,
      big,
    )
    outcomes.push(...correctness(`${settings.clients} clients`, big))
    outcomes.push([`${settings.clients} clients: p95 join-to-visible under 500 ms`, big.p95 < 500, 'timing'])
  }
  for (const [name, met, kind] of outcomes) {
    const verdict = met
      ? 'met'
      : kind === 'correctness'
        ? 'MISSED'
        : `MISSED (a ${kind}: reported, not failed)`
    console.log(`target ${name}: ${verdict}`)
  }
  return outcomes.every(([, met, kind]) => met || kind !== 'correctness')
}
