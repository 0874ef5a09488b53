import { availableParallelism, loadavg } from 'node:os'
import { runBigRoom, type BigRoomResult } from './big-room.js'
import { startNode, type Managed } from './processes.js'

export interface BigRoomBenchSettings {
  readonly redisUrl: string
  /** Clients in the one big room, run with batching on. */
  readonly clients: number
  /** Clients of the batching on/off comparison. */
  readonly compareClients: number
  readonly joinsPerSecond: number
  /** The nodes' batch window for the batched runs; undefined for the server's default. */
  readonly batchWindowMs: number | undefined
  readonly sampleEvery: number
  /** Whether the big room is its own run (full size) or the comparison's batched run (quick). */
  readonly separateBigRun: boolean
}

const format = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a')

async function runOn(
  label: string,
  settings: BigRoomBenchSettings,
  clients: number,
  batchWindowMs: number | undefined,
  started: Managed[],
): Promise<BigRoomResult> {
  const env: Record<string, string> =
    batchWindowMs === undefined ? {} : { PRESENCE_BATCH_WINDOW_MS: String(batchWindowMs) }
  const nodes = await Promise.all([
    startNode(settings.redisUrl, `big-${label}-a`, env),
    startNode(settings.redisUrl, `big-${label}-b`, env),
  ])
  started.push(...nodes)
  try {
    return await runBigRoom({
      clients,
      joinsPerSecond: settings.joinsPerSecond,
      nodes,
      sampleEvery: clients >= 2000 ? settings.sampleEvery : 1,
      room: `big-room-${label}`,
    })
  } finally {
    await Promise.all(nodes.map((node) => node.stop()))
  }
}

function describe(label: string, clients: number, result: BigRoomResult): void {
  const [lastMinute] = loadavg()
  console.log(`${label}: ${clients} clients in one room, ${format(result.seconds)} s`)
  console.log(
    `  join-to-visible p50 ${format(result.p50)} ms, p95 ${format(result.p95)} ms, p99 ${format(result.p99)} ms ` +
      `(${result.samples} of ${result.expectedSamples} joins seen by the timed clients by the end)`,
  )
  console.log(
    `  messages per client per second: ${format(result.messagesPerClientPerSecond, 2)} ` +
      `(${format(result.messagesPerClient, 0)} per client over the run)`,
  )
  for (const [index, node] of result.nodes.entries()) {
    console.log(
      `  node ${index === 0 ? 'a' : 'b'}: CPU time ${format(node.cpuMsDuringRun / 1000, 2)} s over the run, ` +
        `RSS ${format(node.rssMb, 0)} MB at the end, peak ${format(node.peakRssMb, 0)} MB`,
    )
  }
  console.log(
    `  the clients' process (every socket and store): RSS ${format(result.benchRssMb, 0)} MB at the end`,
  )
  console.log(
    `  at the end: ${result.roster.ghosts} ghosts on ${result.roster.clientsWithGhosts} of ${result.observers} clients, ` +
      `${result.roster.missing} missing on ${result.roster.clientsWithMissing}; ` +
      `clients with an error event: ${result.clientsWithErrors}` +
      (result.errorCodes.size === 0
        ? ''
        : ` (${[...result.errorCodes].map(([code, count]) => `${code} ×${count}`).join(', ')})`),
  )
  console.log(
    `  load average over the last minute: ${format(lastMinute ?? Number.NaN)} on ${availableParallelism()} CPUs`,
  )
}

const cpuOf = (result: BigRoomResult) => result.nodes.reduce((sum, node) => sum + node.cpuMsDuringRun, 0)

/**
 * The big room: every client in one room on two nodes and Redis, batched; then the same workload
 * with batching on and off in one run. Returns whether correctness held (timings never fail it).
 */
export async function benchBigRoom(settings: BigRoomBenchSettings, started: Managed[]): Promise<boolean> {
  console.log(
    `\nbench:server big room: joins ${settings.joinsPerSecond}/s, updates ${settings.joinsPerSecond * 2}/s, ` +
      `leaves and closes ${settings.joinsPerSecond}/s; batch window ${settings.batchWindowMs ?? 'the default'} ms`,
  )
  const outcomes: Array<[string, boolean, 'correctness' | 'timing' | 'ratio']> = []
  const correct = (label: string, result: BigRoomResult) => {
    outcomes.push([`${label}: 0 ghosts on every client`, result.roster.ghosts === 0, 'correctness'])
    outcomes.push([`${label}: 0 missing on every client`, result.roster.missing === 0, 'correctness'])
    outcomes.push([`${label}: every join seen`, result.samples >= result.expectedSamples, 'correctness'])
  }
  const on = await runOn('on', settings, settings.compareClients, settings.batchWindowMs, started)
  describe('batching on', settings.compareClients, on)
  const off = await runOn('off', settings, settings.compareClients, 0, started)
  describe('batching off', settings.compareClients, off)
  correct(`${settings.compareClients} clients batched`, on)
  correct(`${settings.compareClients} clients unbatched`, off)
  if (!settings.separateBigRun) {
    outcomes.push([
      `${settings.compareClients} clients: p95 join-to-visible under 500 ms`,
      on.p95 < 500,
      'timing',
    ])
  }
  const messageRatio = off.messagesPerClientPerSecond / on.messagesPerClientPerSecond
  const cpuRatio = cpuOf(off) / cpuOf(on)
  console.log(
    `batching at ${settings.compareClients} clients: messages per client per second ${format(off.messagesPerClientPerSecond, 2)} → ` +
      `${format(on.messagesPerClientPerSecond, 2)} (${format(messageRatio, 1)}x fewer; over the run ` +
      `${format(off.messagesPerClient, 0)} → ${format(on.messagesPerClient, 0)} per client, ` +
      `${format(off.messagesPerClient / on.messagesPerClient, 1)}x fewer); nodes' CPU time ` +
      `${format(cpuOf(off) / 1000, 2)} s → ${format(cpuOf(on) / 1000, 2)} s (${format(cpuRatio, 2)}x less); ` +
      `p95 join-to-visible ${format(off.p95)} → ${format(on.p95)} ms`,
  )
  outcomes.push([`batching cuts messages per client per second at least 10x`, messageRatio >= 10, 'ratio'])
  outcomes.push([`batching lowers the nodes' CPU time`, cpuRatio > 1, 'ratio'])
  // The big room last: the comparison's figures are printed even when it cannot finish here.
  if (settings.separateBigRun) {
    const big = await runOn('batched', settings, settings.clients, settings.batchWindowMs, started)
    describe('big room, batched', settings.clients, big)
    correct(`${settings.clients} clients`, big)
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
