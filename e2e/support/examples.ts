import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { Example } from './frameworks.js'
import { REPO_ROOT } from './paths.js'
import { freePort } from './ports.js'

/** Neither framework reports usage from a test run. */
const QUIET_ENV = { NEXT_TELEMETRY_DISABLED: '1', NUXT_TELEMETRY_DISABLED: '1' }

interface ExampleApp {
  /** The command that builds it for production: a package's bin, with its arguments. */
  readonly build: { readonly bin: readonly [packageName: string, binName: string]; readonly args: string[] }
  /** How its production server starts on `port`, talking to the presence server at `presenceUrl`. */
  start(port: number, presenceUrl: string): { args: string[]; env: Record<string, string> }
}

const APPS: Record<Example, ExampleApp> = {
  nextjs: {
    build: { bin: ['next', 'next'], args: ['build'] },
    start: (port, presenceUrl) => ({
      args: [binPath('nextjs', 'next', 'next'), 'start', '--port', String(port), '--hostname', '127.0.0.1'],
      env: { PRESENCE_SERVER_URL: presenceUrl },
    }),
  },
  nuxt: {
    build: { bin: ['nuxt', 'nuxt'], args: ['build'] },
    start: (port, presenceUrl) => ({
      args: [join(appDir('nuxt'), '.output', 'server', 'index.mjs')],
      env: { PORT: String(port), HOST: '127.0.0.1', NUXT_PUBLIC_PRESENCE_SERVER_URL: presenceUrl },
    }),
  },
}

function appDir(example: Example): string {
  return join(REPO_ROOT, 'examples', example)
}

/** The file a package's bin runs, as the example app has the package installed. */
function binPath(example: Example, packageName: string, binName: string): string {
  const manifestPath = createRequire(join(appDir(example), 'package.json')).resolve(
    `${packageName}/package.json`,
  )
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { bin?: string | Record<string, string> }
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.[binName]
  if (bin === undefined) throw new Error(`${packageName} has no "${binName}" command: run pnpm install.`)
  return join(dirname(manifestPath), bin)
}

/** Builds an example app for production, the way it is deployed. The packages must be built first. */
export function buildExample(example: Example): void {
  const { bin, args } = APPS[example].build
  const result = spawnSync(process.execPath, [binPath(example, ...bin), ...args], {
    cwd: appDir(example),
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    env: { ...process.env, ...QUIET_ENV, NODE_ENV: 'production' },
  })
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout}${result.stderr}`)
    throw new Error(`Building the ${example} example failed (see above).`)
  }
}

/** An example's production server, running as its own process. */
export interface ExampleServer {
  readonly url: string
  /** What it printed, for failure messages. */
  output(): string
  /** Stops it (SIGTERM to its process group) and waits for it to end. */
  stop(): Promise<void>
}

/** A wait for a condition: a cold Node server on a busy two-core machine has taken over 20 s. */
const STARTUP_DEADLINE_MS = 90_000

async function waitForPage(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + STARTUP_DEADLINE_MS
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The example server exited early:\n${log()}`)
    try {
      // Any answer from the server will do: the page itself is what the tests check.
      await fetch(`${url}/_ready-probe`)
      return
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`The example server did not answer on ${url}:\n${log()}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** Starts a built example's production server on a free loopback port. */
export async function startExample(example: Example, presenceUrl: string): Promise<ExampleServer> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const { args, env } = APPS[example].start(port, presenceUrl)
  const child = spawn(process.execPath, args, {
    cwd: appDir(example),
    // Its own process group, so stopping it stops whatever it started.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...QUIET_ENV, NODE_ENV: 'production', ...env },
  })
  let log = ''
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()))
  try {
    await waitForPage(url, child, () => log)
  } catch (error) {
    stopGroup(child)
    throw error
  }
  return {
    url,
    output: () => log,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
      stopGroup(child)
      const timer = setTimeout(() => stopGroup(child, 'SIGKILL'), 10_000)
      await exited
      clearTimeout(timer)
    },
  }
}

function stopGroup(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): void {
  if (child.pid === undefined) return
  try {
    process.kill(-child.pid, signal)
  } catch {
    // Already gone.
  }
}
