import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'

/** A real redis-server on a free loopback port, for one test file. */
export interface LocalRedis {
  readonly host: string
  readonly port: number
  stop(): Promise<void>
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() =>
        typeof address === 'object' && address !== null
          ? resolve(address.port)
          : reject(new Error('no port')),
      )
    })
  })
}

export async function startRedis(): Promise<LocalRedis> {
  const binary = process.env.REDIS_SERVER_PATH ?? 'redis-server'
  const port = await freePort()
  const child: ChildProcess = spawn(
    binary,
    ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  await new Promise<void>((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${output}`)), 10_000)
    child.once('error', (error) => {
      clearTimeout(timer)
      reject(
        new Error(
          `could not run ${binary} (install redis-server, or set REDIS_SERVER_PATH): ${error.message}`,
        ),
      )
    })
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer)
        resolve()
      }
    })
  })
  return {
    host: '127.0.0.1',
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}
