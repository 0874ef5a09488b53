import { fork, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { cpuProfileFlags } from './processes.js'
import type { ParentMessage, WorkerMessage, WorkerSetup } from './big-room-messages.js'

const workerEntry = fileURLToPath(new URL('./big-room-worker.ts', import.meta.url))
const benchDirectory = fileURLToPath(new URL('..', import.meta.url))
const tsconfig = fileURLToPath(new URL('./tsconfig.json', import.meta.url))

type Reply<Type extends WorkerMessage['type']> = Extract<WorkerMessage, { type: Type }>

/** One process of the big room's clients, spoken to by messages (see big-room-worker.ts). */
export class BigRoomWorker {
  private readonly child: ChildProcess
  private readonly inbox: WorkerMessage[] = []
  private waiting: (() => void) | undefined
  private exited: string | undefined

  constructor(
    readonly setup: WorkerSetup,
    heapMb: number,
  ) {
    this.child = fork(workerEntry, [], {
      cwd: benchDirectory,
      execArgv: [
        '--import',
        'tsx',
        `--max-old-space-size=${heapMb}`,
        ...cpuProfileFlags(`worker-${setup.workerIndex}`),
      ],
      env: { ...process.env, TSX_TSCONFIG_PATH: tsconfig },
      // Structured clone: the latencies travel as one Float64Array, not as JSON.
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    })
    this.child.on('message', (message: WorkerMessage) => {
      this.inbox.push(message)
      this.waiting?.()
    })
    this.child.once('exit', (code, signal) => {
      this.exited = `worker ${setup.workerIndex} exited (${signal ?? code})`
      this.waiting?.()
    })
    this.send({ type: 'setup', setup })
  }

  get pid(): number | undefined {
    return this.child.pid
  }

  send(message: ParentMessage): void {
    this.child.send(message)
  }

  /** The worker's next message, which must be of `type`; its failure or exit rejects. */
  async next<Type extends WorkerMessage['type']>(type: Type): Promise<Reply<Type>> {
    for (;;) {
      const message = this.inbox.shift()
      if (message?.type === 'failed') throw new Error(`worker ${this.setup.workerIndex}: ${message.message}`)
      if (message !== undefined) {
        if (message.type !== type)
          throw new Error(`worker ${this.setup.workerIndex} sent ${message.type}, not ${type}`)
        return message as Reply<Type>
      }
      if (this.exited !== undefined) throw new Error(this.exited)
      await new Promise<void>((resolve) => (this.waiting = resolve))
      this.waiting = undefined
    }
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      if (this.child.exitCode !== null || this.child.signalCode !== null) return resolve()
      this.child.once('exit', () => resolve())
      this.child.kill('SIGTERM')
    })
  }
}
