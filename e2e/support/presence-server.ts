import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { REPO_ROOT } from './paths.js'
import { freePort } from './ports.js'

const CLI = join(REPO_ROOT, 'packages', 'server', 'dist', 'cli.js')

/** The reference server as its own process, the way the demo runs it: in memory, development identity. */
export interface PresenceServer {
  readonly url: string
  /** Starts it (again) on the same port. */
  start(): Promise<void>
  /** Stops it the way an operator does (SIGTERM) and waits for the process to end. */
  stop(): Promise<void>
  /** What it printed, for failure messages. */
  output(): string
}

/**
 * How long a starting server may take to answer /healthz. A wait for a condition, so it is long:
 * on a two-core machine under other builds a Node process has taken over 20 s to start listening.
 */
const STARTUP_DEADLINE_MS = 90_000

async function waitForHealth(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const started = Date.now()
  const deadline = started + STARTUP_DEADLINE_MS
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The presence server exited early:\n${log()}`)
    try {
      const response = await fetch(`${url}/healthz`)
      if (response.ok) return
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      const waited = ((Date.now() - started) / 1000).toFixed(1)
      throw new Error(`The presence server did not answer on ${url} within ${waited} s:\n${log()}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

export async function startPresenceServer(): Promise<PresenceServer> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  let child: ChildProcess | undefined
  let log = ''

  const server: PresenceServer = {
    url,
    async start() {
      if (child !== undefined) throw new Error('The presence server is already running.')
      const started = spawn(
        process.execPath,
        [CLI, '--port', String(port), '--host', '127.0.0.1', '--dev', '--log-level', 'warn'],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      )
      started.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()))
      started.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()))
      child = started
      await waitForHealth(url, started, () => log)
    },
    async stop() {
      const running = child
      child = undefined
      if (running === undefined || running.exitCode !== null) return
      const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()))
      running.kill('SIGTERM')
      const timer = setTimeout(() => running.kill('SIGKILL'), 10_000)
      await exited
      clearTimeout(timer)
    },
    output: () => log,
  }
  await server.start()
  return server
}
