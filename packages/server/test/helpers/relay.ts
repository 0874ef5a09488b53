import { connect, createServer, type Server, type Socket } from 'node:net'

export interface Relay {
  readonly url: string
  /** Holds every byte in both directions; connections stay open, as in a partition that keeps TCP up. */
  block(): void
  /** Delivers what was held and forwards again. */
  heal(): void
  close(): Promise<void>
}

/** One direction of a relayed connection, which holds what it reads while the relay is blocked. */
function forward(from: Socket, to: Socket, held: () => boolean, queue: Buffer[]): void {
  from.on('data', (chunk: Buffer) => {
    if (held()) queue.push(chunk)
    else to.write(chunk)
  })
  from.on('close', () => to.destroy())
  from.on('error', () => to.destroy())
}

/** A TCP relay on a free loopback port in front of a Redis, that a test can cut and heal. */
export async function startRelay(targetPort: number): Promise<Relay> {
  let blocked = false
  const flushes: Array<() => void> = []
  const sockets = new Set<Socket>()
  const server: Server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1')
    sockets.add(client).add(upstream)
    const toUpstream: Buffer[] = []
    const toClient: Buffer[] = []
    forward(client, upstream, () => blocked, toUpstream)
    forward(upstream, client, () => blocked, toClient)
    flushes.push(() => {
      for (const chunk of toUpstream.splice(0)) upstream.write(chunk)
      for (const chunk of toClient.splice(0)) client.write(chunk)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address !== null ? address.port : 0
  return {
    url: `redis://127.0.0.1:${port}`,
    block() {
      blocked = true
    },
    heal() {
      blocked = false
      for (const flush of flushes) flush()
    },
    close() {
      for (const socket of sockets) socket.destroy()
      return new Promise((resolve) => server.close(() => resolve()))
    },
  }
}
