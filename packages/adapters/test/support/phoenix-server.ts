import { isPlainObject } from '@presence-kit/protocol'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocketServer, type WebSocket } from 'ws'

/**
 * A local server that speaks Phoenix's channel protocol (serializer 2.0.0): JSON array frames
 * `[join_ref, ref, topic, event, payload]`, `phx_join` / `phx_leave` answered with `phx_reply
 * {status, response}`, heartbeats on the `phoenix` topic, broadcasts, and a presence tracker that
 * builds `presence_state` / `presence_diff` from tracked metas with `phx_ref` / `phx_ref_prev`, as
 * `Phoenix.Presence` does. What a channel does with its events is up to a `ChannelHandler`, so the
 * same server stands in for a Phoenix app and for Supabase Realtime.
 *
 * Written for tests: it listens on 127.0.0.1 on a port the OS picks, and can drop, refuse and
 * inject on demand.
 */

/** One joined channel: a socket subscribed to a topic under one join ref (a channel process). */
export interface ChannelMember {
  readonly id: number
  readonly socket: ServerSocket
  readonly topic: string
  readonly joinRef: string
  readonly params: Record<string, unknown>
  /** What the handler keeps for this channel (its presence key, its config). */
  readonly assigns: Map<string, unknown>
}

export interface ServerSocket {
  /** The socket's connect params (the URL query). */
  readonly params: Readonly<Record<string, string>>
  readonly vsn: string
  send(frame: string | Buffer): void
  close(): void
}

export interface ChannelReply {
  readonly status: 'ok' | 'error'
  readonly response: Record<string, unknown>
}

/** What a channel does: the app's `join/3`, `handle_in/3` and `terminate/2`. */
export interface ChannelHandler {
  join(member: ChannelMember, server: PhoenixServer): ChannelReply
  /** Called after a successful join has been answered (Phoenix apps push `presence_state` here). */
  afterJoin?(member: ChannelMember, server: PhoenixServer): void
  handleIn(
    member: ChannelMember,
    event: string,
    payload: unknown,
    server: PhoenixServer,
  ): ChannelReply | undefined
  /** A binary frame (Supabase's broadcast push); `undefined` when the handler does not take them. */
  handleBinary?(socket: ServerSocket, frame: Buffer, server: PhoenixServer): void
}

interface Tracked {
  readonly owner: number | string
  readonly key: string
  meta: Record<string, unknown>
}

type Metas = Record<string, { metas: Record<string, unknown>[] }>

export interface PhoenixServer {
  readonly url: string
  readonly port: number
  /** Every message a client pushed, in order (for checks such as "typing is never tracked"). */
  readonly received: { topic: string; event: string; payload: unknown; socket: ServerSocket }[]
  members(topic: string): ChannelMember[]
  push(member: ChannelMember, event: string, payload: unknown): void
  /** Sends to every member of the topic, except `except` (Phoenix's `broadcast_from`). */
  broadcast(topic: string, event: string, payload: unknown, except?: ChannelMember): void
  /** Sends a raw frame to every socket that joined the topic, whatever it holds. */
  broadcastFrame(topic: string, frame: (member: ChannelMember) => string | Buffer): void
  track(topic: string, owner: number | string, key: string, meta: Record<string, unknown>): void
  update(topic: string, owner: number | string, key: string, meta: Record<string, unknown>): void
  untrack(topic: string, owner: number | string): void
  isTracked(topic: string, owner: number | string): boolean
  presenceState(topic: string): Metas
  readonly presenceEvents: { readonly state: string; readonly diff: string }
  /** Closes the sockets whose connect params match, and refuses them until `allow`. */
  drop(match: (params: Readonly<Record<string, string>>) => boolean): void
  allow(match: (params: Readonly<Record<string, string>>) => boolean): void
  close(): Promise<void>
}

export interface PhoenixServerOptions {
  /** Where clients connect: `${path}/websocket`. @default '/socket' */
  path?: string
  /** The presence event names (Phoenix.Presence lets an app rename them). */
  presenceEvents?: { state: string; diff: string }
}

export async function startPhoenixServer(
  handler: ChannelHandler,
  options: PhoenixServerOptions = {},
): Promise<PhoenixServer> {
  const path = options.path ?? '/socket'
  const presenceEvents = options.presenceEvents ?? { state: 'presence_state', diff: 'presence_diff' }
  const http: Server = createServer((_request, response) => {
    response.writeHead(404).end()
  })
  const wss = new WebSocketServer({ noServer: true })
  const members = new Map<string, ChannelMember[]>()
  const tracked = new Map<string, Tracked[]>()
  const sockets = new Set<{ ws: WebSocket; socket: ServerSocket }>()
  const refused: ((params: Readonly<Record<string, string>>) => boolean)[] = []
  const received: PhoenixServer['received'] = []
  let memberCount = 0
  let refCount = 0

  const nextRef = () => `ref-${++refCount}`

  function withRef(entry: Tracked): Record<string, unknown> {
    return { ...entry.meta }
  }

  function diff(topic: string, joins: Metas, leaves: Metas): void {
    server.broadcast(topic, presenceEvents.diff, { joins, leaves })
  }

  function removeMember(member: ChannelMember): void {
    const list = members.get(member.topic)
    if (list === undefined) return
    const index = list.indexOf(member)
    if (index < 0) return
    list.splice(index, 1)
    // The channel process ends: Phoenix.Presence untracks everything it tracked.
    server.untrack(member.topic, member.id)
  }

  function reply(
    socket: ServerSocket,
    joinRef: string | null,
    ref: string | null,
    topic: string,
    answer: ChannelReply,
  ) {
    socket.send(encode(joinRef, ref, topic, 'phx_reply', answer))
  }

  function onFrame(socket: ServerSocket, text: string): void {
    let frame: unknown
    try {
      frame = JSON.parse(text)
    } catch {
      return
    }
    if (!Array.isArray(frame) || frame.length !== 5) return
    const [joinRef, ref, topic, event, payload] = frame as [
      string | null,
      string | null,
      string,
      string,
      unknown,
    ]
    received.push({ topic, event, payload, socket })
    if (topic === 'phoenix' && event === 'heartbeat') {
      reply(socket, null, ref, topic, { status: 'ok', response: {} })
      return
    }
    const current = (members.get(topic) ?? []).find((m) => m.socket === socket)
    if (event === 'phx_join') {
      // A second join of the same topic on one socket replaces the first channel, as Phoenix does.
      if (current !== undefined) removeMember(current)
      const member: ChannelMember = {
        id: ++memberCount,
        socket,
        topic,
        joinRef: joinRef ?? '',
        params: isPlainObject(payload) ? payload : {},
        assigns: new Map(),
      }
      const answer = handler.join(member, server)
      reply(socket, joinRef, ref, topic, answer)
      if (answer.status !== 'ok') return
      let list = members.get(topic)
      if (list === undefined) members.set(topic, (list = []))
      list.push(member)
      handler.afterJoin?.(member, server)
      return
    }
    if (current === undefined || current.joinRef !== joinRef) {
      // Phoenix answers pushes to a topic the socket has not joined with an unmatched-topic error.
      reply(socket, joinRef, ref, topic, { status: 'error', response: { reason: 'unmatched topic' } })
      return
    }
    if (event === 'phx_leave') {
      removeMember(current)
      reply(socket, joinRef, ref, topic, { status: 'ok', response: {} })
      return
    }
    const answer = handler.handleIn(current, event, payload, server)
    if (answer !== undefined) reply(socket, joinRef, ref, topic, answer)
  }

  http.on('upgrade', (request: IncomingMessage, stream, head) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    const params = Object.fromEntries(url.searchParams)
    if (url.pathname !== `${path}/websocket` || refused.some((match) => match(params))) {
      stream.end('HTTP/1.1 403 Forbidden\r\n\r\n')
      return
    }
    wss.handleUpgrade(request, stream, head, (ws) => {
      const socket: ServerSocket = {
        params,
        vsn: params.vsn ?? '1.0.0',
        send: (frame) => {
          if (ws.readyState === ws.OPEN) ws.send(frame)
        },
        close: () => ws.terminate(),
      }
      const entry = { ws, socket }
      sockets.add(entry)
      ws.on('message', (data, isBinary) => {
        const buffer = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer)
        if (isBinary) handler.handleBinary?.(socket, buffer, server)
        else onFrame(socket, buffer.toString('utf8'))
      })
      ws.on('close', () => {
        sockets.delete(entry)
        for (const list of Array.from(members.values())) {
          for (const member of list.filter((m) => m.socket === socket)) removeMember(member)
        }
      })
    })
  })

  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  const { port } = http.address() as AddressInfo

  const server: PhoenixServer = {
    url: `ws://127.0.0.1:${port}${path}`,
    port,
    received,
    presenceEvents,
    members: (topic) => [...(members.get(topic) ?? [])],
    push(member, event, payload) {
      member.socket.send(encode(member.joinRef, null, member.topic, event, payload))
    },
    broadcast(topic, event, payload, except) {
      for (const member of members.get(topic) ?? []) {
        if (member !== except) member.socket.send(encode(null, null, topic, event, payload))
      }
    },
    broadcastFrame(topic, frame) {
      for (const member of members.get(topic) ?? []) member.socket.send(frame(member))
    },
    track(topic, owner, key, meta) {
      if (server.isTracked(topic, owner)) return server.update(topic, owner, key, meta)
      const entry: Tracked = { owner, key, meta: { ...meta, phx_ref: nextRef() } }
      let list = tracked.get(topic)
      if (list === undefined) tracked.set(topic, (list = []))
      list.push(entry)
      diff(topic, one(key, withRef(entry)), {})
    },
    update(topic, owner, key, meta) {
      const entry = tracked.get(topic)?.find((t) => t.owner === owner)
      if (entry === undefined) return server.track(topic, owner, key, meta)
      const previous = withRef(entry)
      const prevRef = entry.meta.phx_ref
      entry.meta = { ...meta, phx_ref: nextRef(), phx_ref_prev: prevRef }
      diff(topic, one(key, withRef(entry)), one(entry.key, previous))
    },
    untrack(topic, owner) {
      const list = tracked.get(topic)
      const index = list?.findIndex((t) => t.owner === owner) ?? -1
      if (list === undefined || index < 0) return
      const [entry] = list.splice(index, 1)
      diff(topic, {}, one(entry!.key, withRef(entry!)))
    },
    isTracked: (topic, owner) => tracked.get(topic)?.some((t) => t.owner === owner) ?? false,
    presenceState(topic) {
      // Presence keys are chosen by clients: `__proto__` must stay an ordinary key.
      const state = Object.create(null) as Metas
      for (const entry of tracked.get(topic) ?? []) {
        const slot = Object.hasOwn(state, entry.key) ? state[entry.key]! : (state[entry.key] = { metas: [] })
        slot.metas.push(withRef(entry))
      }
      return state
    },
    drop(match) {
      refused.push(match)
      for (const { socket } of Array.from(sockets)) if (match(socket.params)) socket.close()
    },
    allow(match) {
      const index = refused.indexOf(match)
      if (index >= 0) refused.splice(index, 1)
    },
    async close() {
      for (const { ws } of sockets) ws.terminate()
      await new Promise<void>((resolve) => wss.close(() => resolve()))
      await new Promise<void>((resolve) => http.close(() => resolve()))
    },
  }
  return server
}

function encode(
  joinRef: string | null,
  ref: string | null,
  topic: string,
  event: string,
  payload: unknown,
): string {
  return JSON.stringify([joinRef, ref, topic, event, payload])
}

function one(key: string, meta: Record<string, unknown>): Metas {
  return { [key]: { metas: [meta] } }
}
