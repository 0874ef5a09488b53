import { isPlainObject } from '@presence-kit/protocol'
import { randomUUID } from 'node:crypto'
import type { ChannelHandler, ChannelMember, PhoenixServer, ServerSocket } from './phoenix-server.js'

/**
 * What Supabase Realtime does with a channel, as `@supabase/realtime-js` 2.109 talks to it (read
 * from its RealtimeChannel, RealtimePresence and serializer):
 *
 * - `phx_join` carries `{ config: { broadcast, presence: { key, enabled }, postgres_changes, private },
 *   access_token }` and is answered `{ postgres_changes: [] }`; with presence enabled the server then
 *   pushes `presence_state`, and `presence_diff`s after it.
 * - A `presence` push `{ type: 'presence', event: 'track', payload }` tracks the payload under the
 *   channel's presence key (an update when this channel already tracks), `untrack` untracks.
 * - Broadcasts come in as binary "user broadcast push" frames (kind 3) and go out to the other
 *   subscribers as binary "user broadcast" frames (kind 4); `config.broadcast.self` sends them back
 *   to the sender too.
 * - `access_token` pushes are acknowledged.
 */

const USER_BROADCAST_PUSH = 3
const USER_BROADCAST = 4
const JSON_ENCODING = 1

/** Counts `track` pushes per socket: Supabase rate-limits them and closes the channel past it. */
export const trackCount = new WeakMap<ServerSocket, number>()

export const supabaseRealtimeChannel: ChannelHandler = {
  join(member) {
    const config = isPlainObject(member.params.config) ? member.params.config : {}
    const presence = isPlainObject(config.presence) ? config.presence : {}
    const broadcast = isPlainObject(config.broadcast) ? config.broadcast : {}
    const key = typeof presence.key === 'string' && presence.key !== '' ? presence.key : randomUUID()
    member.assigns.set('presenceKey', key)
    member.assigns.set('presenceEnabled', presence.enabled === true)
    member.assigns.set('broadcastSelf', broadcast.self === true)
    member.assigns.set('broadcastAck', broadcast.ack === true)
    return { status: 'ok', response: { postgres_changes: [] } }
  },
  afterJoin(member, server) {
    if (member.assigns.get('presenceEnabled') === true) {
      server.push(member, 'presence_state', server.presenceState(member.topic))
    }
  },
  handleIn(member, event, payload, server) {
    if (event === 'access_token') return { status: 'ok', response: {} }
    if (event === 'presence' && isPlainObject(payload)) {
      if (payload.event === 'track') {
        trackCount.set(member.socket, (trackCount.get(member.socket) ?? 0) + 1)
        const meta = isPlainObject(payload.payload) ? payload.payload : {}
        server.track(member.topic, member.id, member.assigns.get('presenceKey') as string, meta)
        return { status: 'ok', response: {} }
      }
      if (payload.event === 'untrack') {
        server.untrack(member.topic, member.id)
        return { status: 'ok', response: {} }
      }
    }
    if (event === 'broadcast' && isPlainObject(payload) && typeof payload.event === 'string') {
      fanOut(server, member, payload.event, payload.payload)
      return member.assigns.get('broadcastAck') === true ? { status: 'ok', response: {} } : undefined
    }
    return { status: 'error', response: { reason: `unsupported event ${event}` } }
  },
  handleBinary(socket, frame, server) {
    if (frame[0] !== USER_BROADCAST_PUSH) return
    const lengths = [frame[1]!, frame[2]!, frame[3]!, frame[4]!, frame[5]!]
    const encoding = frame[6]
    let offset = 7
    const [joinRef, ref, topic, event, metadata] = lengths.map((length) => {
      const text = frame.subarray(offset, offset + length).toString('utf8')
      offset += length
      return text
    }) as [string, string, string, string, string]
    void metadata
    const member = server.members(topic).find((m) => m.socket === socket && m.joinRef === joinRef)
    if (member === undefined) return
    const body = frame.subarray(offset)
    const payload: unknown = encoding === JSON_ENCODING ? JSON.parse(body.toString('utf8')) : body
    fanOut(server, member, event, payload)
    if (member.assigns.get('broadcastAck') === true) {
      socket.send(JSON.stringify([joinRef, ref, topic, 'phx_reply', { status: 'ok', response: {} }]))
    }
  },
}

function fanOut(server: PhoenixServer, from: ChannelMember, event: string, payload: unknown): void {
  const self = from.assigns.get('broadcastSelf') === true
  for (const member of server.members(from.topic)) {
    if (member === from && !self) continue
    member.socket.send(userBroadcastFrame(from.topic, event, payload))
  }
}

/** A binary "user broadcast" frame (kind 4) with a JSON payload, as Supabase Realtime sends them. */
export function userBroadcastFrame(topic: string, event: string, payload: unknown): Buffer {
  const topicBytes = Buffer.from(topic, 'utf8')
  const eventBytes = Buffer.from(event, 'utf8')
  const body = Buffer.from(JSON.stringify(payload), 'utf8')
  const header = Buffer.from([USER_BROADCAST, topicBytes.length, eventBytes.length, 0, JSON_ENCODING])
  return Buffer.concat([header, topicBytes, eventBytes, body])
}
