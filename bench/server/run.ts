import { startNode, startRedis, type Managed } from './processes.js'
import { runWorkload } from './workload.js'

/**
 * The reference server under load: clients on loopback across two nodes sharing one Redis,
 * joining, updating, typing and leaving. `--quick` runs 100 clients so the benchmark is exercised
 * in every test run; its figures are not the ones to quote.
 */
const quick = process.argv.includes('--quick')
const clients = quick ? 100 : 1000
const roomSize = quick ? 25 : 50

console.log(`bench:server${quick ? ' (quick run: 100 clients, figures not representative)' : ''}`)
console.log(
  `${clients} socket.io clients (each with its own presence store), rooms of ${roomSize}, 100 joins a second, two nodes, one Redis, all on loopback`,
)

const ms = (value: number) => `${value.toFixed(1)} ms`
const started: Managed[] = []
let exitCode = 0
try {
  const redis = await startRedis()
  started.push(redis)
  const nodes = await Promise.all([
    startNode(redis.url, 'bench-node-a'),
    startNode(redis.url, 'bench-node-b'),
  ])
  started.push(...nodes)
  const result = await runWorkload({
    clients,
    roomSize,
    joinsPerSecond: 100,
    nodeUrls: nodes.map((node) => node.url),
  })
  console.log(`join-to-visible latency: p50 ${ms(result.p50)}, p95 ${ms(result.p95)}, p99 ${ms(result.p99)}`)
  console.log(
    `  (${result.samples} of ${result.expectedSamples} joins seen by the other members of their room)`,
  )
  console.log(
    `messages per second: ${Math.round(result.messagesPerSecond)} delivered to clients (${result.messages} in all)`,
  )
  console.log(
    `ghost members: ${result.ghosts}, missing members: ${result.missing} (over ${result.observers} clients)`,
  )
  if (result.clientsWithErrors > 0)
    console.log(`clients that got an error event: ${result.clientsWithErrors}`)
  const targets = [
    ['0 ghosts', result.ghosts === 0],
    ['0 missing', result.missing === 0],
    ['every join seen', result.samples >= result.expectedSamples],
    ['p95 join-to-visible under 250 ms', result.p95 < 250],
  ] as const
  for (const [name, met] of targets) console.log(`target ${name}: ${met ? 'met' : 'MISSED'}`)
  // Correctness is a failure in every run; latency only counts in a full run.
  const failed = targets.filter(([name, met]) => !met && (!quick || !name.startsWith('p95')))
  if (failed.length > 0) exitCode = 1
} catch (error) {
  console.error(error)
  exitCode = 1
} finally {
  await Promise.all(started.toReversed().map((each) => each.stop()))
}
process.exit(exitCode)
