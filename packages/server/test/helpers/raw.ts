import type { Socket } from 'socket.io-client'

export interface WireErrorBody {
  code: string
  message: string
  room?: string
  event?: string
}

/** Collects every `presence:error` a socket gets. */
export function collectErrors(socket: Socket): WireErrorBody[] {
  const errors: WireErrorBody[] = []
  socket.on('presence:error', (body: WireErrorBody) => errors.push(body))
  return errors
}

export function connected(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    if (socket.connected) return resolve()
    socket.once('connect', () => resolve())
    socket.once('connect_error', (error) => reject(error))
  })
}

/** The handshake refusal the server sent: its `data.code`. */
export function refusal(socket: Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => reject(new Error('connected although it should have been refused')))
    socket.once('connect_error', (error: Error & { data?: { code?: string } }) =>
      resolve(error.data?.code ?? 'none'),
    )
  })
}

/** The next message of an event. */
export function next<T>(socket: Socket, event: string): Promise<T> {
  return new Promise((resolve) => socket.once(event, (body: T) => resolve(body)))
}
