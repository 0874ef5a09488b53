import { CLIENT_EVENTS, type WireAck } from '@presence-kit/server'
import { io, type Socket } from 'socket.io-client'
import type { ContractPeer } from '../contract/harness.js'

/**
 * A remote connection that is not the kit: a bare socket.io-client speaking the wire protocol of
 * packages/server/docs/protocol.md, so what the adapter under test sees is what any other client
 * of the server would make it see.
 */
export interface ProtocolPeer extends ContractPeer {
  readonly socket: Socket
}

export async function connectProtocolPeer(
  url: string,
  token: string,
  room: string,
  userId: string,
): Promise<ProtocolPeer> {
  const socket = io(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    auth: { token, protocol: 1 },
  })
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve())
    socket.once('connect_error', (error) => reject(error))
  })

  /** Sends one message and waits for the server's acknowledgement, so the change has been applied. */
  async function request(event: string, body: Record<string, unknown>): Promise<void> {
    const answer = (await socket.timeout(5_000).emitWithAck(event, { room, ...body })) as WireAck
    if (!answer.ok)
      throw new Error(`the server refused ${event}: ${answer.error.code} ${answer.error.message}`)
  }

  return {
    userId,
    socket,
    join: (data) => request(CLIENT_EVENTS.join, { data }),
    update: (data) => request(CLIENT_EVENTS.update, { data }),
    leave: () => request(CLIENT_EVENTS.leave, {}),
    typing: (typing) => request(CLIENT_EVENTS.typing, { typing }),
  }
}
