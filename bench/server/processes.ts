import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'

export const SECRET = 'bench-secret-of-enough-length'

/**
 * How long a big-room run waits for its joins to show and its rosters to settle before it counts
 * what it has. Long: on a starved machine (a client process given 5% of a core, its sockets cut
 * by missed heartbeats and reconnecting) a run converges minutes late, and late is not wrong.
 */
export const waitLimitMs = (clients: number) => 120_000 + clients * 60
/**
 * `BENCH_CPU_PROF_DIR=<dir>`: every node and client process writes a V8 CPU profile there when it
 * exits (`--cpu-prof`), to see where a run's time goes. Profiling slows them; never for figures.
 */
export function cpuProfileFlags(name: string): string[] {
  const directory = process.env.BENCH_CPU_PROF_DIR
  if (directory === undefined || directory === '') return []
  // A directory per process: its threads (tsx's loader runs one) each write a file of their own.
  return ['--cpu-prof', `--cpu-prof-dir=${directory}/${name}-${Date.now()}`]
}
const serverPackage = fileURLToPath(new URL('../../packages/server/', import.meta.url))
/** `BENCH_SERVER_CLI=<path>` runs another build of the server's CLI (an A/B of two builds). */
const cli = process.env.BENCH_SERVER_CLI ?? `${serverPackage}dist/cli.js`

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}

/** Resolves with the child once a line of its output contains `ready`. */
function waitForLine(child: ChildProcess, ready: string, what: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => reject(new Error(`${what} did not start:\n${output}`)), 20_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes(ready)) {
        clearTimeout(timer)
        resolve(child)
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`${what} exited with ${code}:\n${output}`))
    })
  })
}

export interface Managed {
  readonly port: number
  readonly url: string
  /** The process id, to read its CPU time and memory from /proc. */
  readonly pid: number | undefined
  stop(): Promise<void>
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve()
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
    })
}

export async function startRedis(): Promise<Managed> {
  const port = await freePort()
  const binary = process.env.REDIS_SERVER_PATH ?? 'redis-server'
  const child = spawn(
    binary,
    ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  await waitForLine(child, 'Ready to accept connections', 'redis-server')
  return { port, url: `redis://127.0.0.1:${port}`, pid: child.pid, stop: stopper(child) }
}

/** One node of the presence server, the built CLI as a process of its own. */
export async function startNode(
  redisUrl: string,
  nodeId: string,
  env: Readonly<Record<string, string>> = {},
): Promise<Managed> {
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run "pnpm build" first`)
  const port = await freePort()
  const child = spawn(
    process.execPath,
    [...cpuProfileFlags(nodeId), cli, '--port', String(port), '--node-id', nodeId, '--log-level', 'warn'],
    {
      env: { ...process.env, PRESENCE_SECRET: SECRET, REDIS_URL: redisUrl, PRESENCE_DEV: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  await waitForLine(child, 'presence-kit server started', `node ${nodeId}`)
  return { port, url: `http://127.0.0.1:${port}`, pid: child.pid, stop: stopper(child) }
}

const peerServer = fileURLToPath(new URL('./peer-server.ts', import.meta.url))

/** One node of the peer (plain Socket.IO with its Redis adapter). */
export async function startPeerNode(redisUrl: string): Promise<Managed> {
  const port = await freePort()
  const child = spawn(process.execPath, ['--import', 'tsx', peerServer, String(port), redisUrl], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  await waitForLine(child, 'peer server started', 'peer node')
  return { port, url: `http://127.0.0.1:${port}`, pid: child.pid, stop: stopper(child) }
}

/** CPU time (user + system, in ms) and memory of a process, from /proc (Linux). */
export interface ProcessUsage {
  readonly cpuMs: number
  /** Resident memory now and at its peak, in MB. */
  readonly rssMb: number
  readonly peakRssMb: number
  /**
   * How long its main thread waited, runnable, for a CPU (ms since it started; NaN where the
   * kernel does not say): a process starved by the machine waits here, a busy one does not.
   */
  readonly runQueueWaitMs: number
}

const CLOCK_TICKS_PER_SECOND = 100

export function processUsage(pid: number | undefined): ProcessUsage | undefined {
  if (pid === undefined || !existsSync(`/proc/${pid}/stat`)) return undefined
  // Fields after the command name, which sits in parentheses and may hold spaces.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const ticks = Number(fields[11]) + Number(fields[12])
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? Number.NaN)
  // schedstat: time on a CPU, time waiting on a run queue (ns), time slices; of the main thread.
  const schedstat = existsSync(`/proc/${pid}/schedstat`) ? readFileSync(`/proc/${pid}/schedstat`, 'utf8') : ''
  const waitedNs = Number(schedstat.split(' ')[1] ?? Number.NaN)
  return {
    cpuMs: (ticks * 1000) / CLOCK_TICKS_PER_SECOND,
    rssMb: kb('VmRSS') / 1024,
    peakRssMb: kb('VmHWM') / 1024,
    runQueueWaitMs: waitedNs / 1e6,
  }
}
