import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { SECRET } from './clients.js'
import { freePort } from './redis.js'

const packageRoot = fileURLToPath(new URL('../..', import.meta.url))

export interface NodeProcess {
  readonly port: number
  readonly url: string
  readonly nodeId: string
  readonly child: ChildProcess
  /** Every line the node logged. */
  readonly lines: string[]
  kill(signal: NodeJS.Signals): Promise<number | null>
  exited(): boolean
}

export interface NodeSettings {
  readonly redisUrl: string
  readonly nodeId: string
  readonly port?: number
  /** Heartbeat, TTL and sweep in milliseconds; left out, the CLI's defaults. */
  readonly timings?: { heartbeat: number; ttl: number; sweep: number }
  /** More environment, such as the test hooks (`PRESENCE_TEST_SLOW_READS`). */
  readonly env?: Readonly<Record<string, string>>
}

/** The CLI as a child process, from the sources: one node of a cluster. */
export async function startNode(settings: NodeSettings): Promise<NodeProcess> {
  const port = settings.port ?? (await freePort())
  const args = [
    '--import',
    'tsx',
    'src/cli.ts',
    '--port',
    String(port),
    '--node-id',
    settings.nodeId,
    '--log-level',
    'info',
  ]
  if (settings.timings !== undefined) {
    args.push('--heartbeat-interval-ms', String(settings.timings.heartbeat))
    args.push('--node-ttl-ms', String(settings.timings.ttl))
    args.push('--sweep-interval-ms', String(settings.timings.sweep))
  }
  const child = spawn(process.execPath, args, {
    cwd: packageRoot,
    env: {
      ...process.env,
      PRESENCE_SECRET: SECRET,
      REDIS_URL: settings.redisUrl,
      PRESENCE_DEV: '',
      ...settings.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const lines: string[] = []
  let exitCode: number | null | undefined
  const exit = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      exitCode = code
      resolve(code)
    })
  })
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`node ${settings.nodeId} did not start within 60 s: ${lines.join('\n')}`)),
      // A wait for the "started" line, so long: under other builds a start has taken over 20 s.
      60_000,
    )
    const onData = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        if (line === '') continue
        lines.push(line)
        if (line.includes('presence-kit server started')) {
          clearTimeout(timer)
          resolve()
        }
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', (chunk: Buffer) => lines.push(chunk.toString()))
    void exit.then((code) => {
      clearTimeout(timer)
      reject(new Error(`node ${settings.nodeId} exited with ${code}: ${lines.join('\n')}`))
    })
  })
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    nodeId: settings.nodeId,
    child,
    lines,
    kill(signal) {
      if (exitCode !== undefined) return Promise.resolve(exitCode)
      child.kill(signal)
      return exit
    },
    exited: () => exitCode !== undefined,
  }
}

export async function health(url: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${url}/healthz`)
  return (await response.json()) as Record<string, unknown>
}
