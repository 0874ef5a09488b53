import { createPresenceClient, type PresenceClient, type RoomState } from '@presence-kit/core'
import { createSocketIoAdapter, type SocketIoAdapter } from '@presence-kit/adapters/socket-io'
import { io, type Socket } from 'socket.io-client'
import { createPresenceToken } from '../../src/index.js'

export const SECRET = 'test-secret-of-enough-length'

export interface TestUser {
  readonly id: string
  readonly name?: string
}

export interface TestClient {
  readonly client: PresenceClient
  readonly adapter: SocketIoAdapter
  readonly user: TestUser
  close(): void
}

const open: TestClient[] = []

/** A store on the real socket.io client, with a signed token for `user`. */
export function connectClient(
  url: string,
  user: TestUser,
  options: { secret?: string; leaveGraceMs?: number } = {},
): TestClient {
  const token = createPresenceToken(
    { userId: user.id, ...(user.name === undefined ? {} : { name: user.name }) },
    options.secret ?? SECRET,
  )
  const adapter = createSocketIoAdapter({
    url,
    token,
    // These clients run in Node, not a page.
    connectOnServer: true,
    socketOptions: { reconnectionDelay: 100, reconnectionDelayMax: 300, forceNew: true },
  })
  const client = createPresenceClient({
    adapter,
    user: { id: user.id, ...(user.name === undefined ? {} : { name: user.name }) },
    batch: 'sync',
    leaveGraceMs: options.leaveGraceMs ?? 0,
  })
  const handle: TestClient = {
    client,
    adapter,
    user,
    close() {
      client.destroy()
      adapter.destroy?.()
    },
  }
  open.push(handle)
  return handle
}

/** A bare socket, to send what a well-behaved adapter never would. */
export function connectRaw(
  url: string,
  auth: Record<string, unknown>,
  query?: Record<string, string>,
): Socket {
  const socket = io(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    auth,
    ...(query === undefined ? {} : { query }),
  })
  openSockets.push(socket)
  return socket
}

const openSockets: Socket[] = []

export function closeAllClients(): void {
  for (const handle of open.splice(0)) handle.close()
  for (const socket of openSockets.splice(0)) socket.disconnect()
}

export function userIds(state: RoomState): string[] {
  return state.members.map((member) => member.userId).toSorted()
}

export function tokenFor(userId: string, secret = SECRET): string {
  return createPresenceToken({ userId }, secret)
}
