import { connect, createServer, type Server, type Socket } from 'node:net'

/**
 * A loopback TCP proxy in front of a server, one per client, so a test can cut a real client's
 * link (and refuse its reconnects) and then let it back, as a network would.
 */
export interface TcpLink {
  readonly port: number
  cut(): void
  restore(): void
  close(): Promise<void>
}

export async function startTcpLink(targetPort: number): Promise<TcpLink> {
  const sockets = new Set<Socket>()
  let open = true
  const server: Server = createServer((incoming) => {
    if (!open) {
      incoming.destroy()
      return
    }
    const outgoing = connect(targetPort, '127.0.0.1')
    sockets.add(incoming).add(outgoing)
    const end = () => {
      incoming.destroy()
      outgoing.destroy()
      sockets.delete(incoming)
      sockets.delete(outgoing)
    }
    incoming.on('error', end).on('close', end)
    outgoing.on('error', end).on('close', end)
    incoming.pipe(outgoing).pipe(incoming)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (typeof address !== 'object' || address === null) throw new Error('no port')
  return {
    port: address.port,
    cut() {
      open = false
      for (const socket of Array.from(sockets)) socket.destroy()
    },
    restore() {
      open = true
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of Array.from(sockets)) socket.destroy()
        server.close(() => resolve())
      }),
  }
}
