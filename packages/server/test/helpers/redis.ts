import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'

/** A port the OS says is free on loopback right now. */
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

export interface TestRedis {
  readonly port: number
  readonly url: string
  stop(): Promise<void>
  /** Starts it (again) on the same port, empty (nothing is saved). */
  restart(): Promise<void>
}

const redisBinary = process.env.REDIS_SERVER_PATH ?? 'redis-server'

function launch(port: number): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      redisBinary,
      ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    let output = ''
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`redis-server did not get ready on port ${port}: ${output}`))
    }, 10_000)
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer)
        resolve(child)
      }
    })
    child.once('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
  })
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}

function stopChild(running: ChildProcess | undefined): Promise<void> {
  return running === undefined ? Promise.resolve() : stopProcess(running)
}

/** A real Redis of the test's own, on a free loopback port; with `running: false`, not started yet. */
export async function startRedis(options: { running?: boolean } = {}): Promise<TestRedis> {
  const port = await freePort()
  let child: ChildProcess | undefined = options.running === false ? undefined : await launch(port)
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    stop: () => stopChild(child),
    async restart() {
      await stopChild(child)
      child = await launch(port)
    },
  }
}
