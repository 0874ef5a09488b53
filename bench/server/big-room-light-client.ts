import { io, type Socket } from 'socket.io-client'
import {
  CLIENT_EVENTS,
  PROTOCOL_VERSION,
  SERVER_EVENTS,
  readBatch,
  readConnectionMessage,
  readLeave,
  readServerError,
  readSnapshot,
  roomOf,
  type WireAck,
  type WireConnection,
  type WireData,
} from '@presence-kit/protocol'
import type { ConnectionTable } from './big-room-connections.js'
import { LightRoster } from './big-room-roster.js'
import { sharedDecodingParser } from './big-room-shared-decoder.js'
import { countCut, type ClientCounters, type RoomClient } from './big-room-client.js'

export interface LightClientOptions {
  readonly url: string
  readonly token: string
  readonly room: string
  readonly table: ConnectionTable
  readonly counters: ClientCounters
  /** Told each member this client sees appear, with the data it came with. */
  readonly onVisible?: (userId: string, connection: WireConnection) => void
  /** Told every join, update or snapshot entry its roster takes in, with its data. */
  readonly onData?: (userId: string, connection: WireConnection) => void
}

/**
 * A big-room client without a store: one real socket.io-client connection speaking the wire
 * protocol from @presence-kit/protocol itself (handshake with `batch: true`, watch, join, update,
 * leave, every frame checked by the protocol's readers), and a flat roster kept by the protocol's
 * version rule (see big-room-roster.ts). It costs a fraction of a store, so thousands fit in one
 * process; the store's own rules are exercised by the sample of store clients beside them.
 */
export class LightClient implements RoomClient {
  readonly errors: string[] = []
  connected = true
  private readonly socket: Socket
  private readonly roster: LightRoster
  private data: WireData | undefined
  private hasSnapshot = false
  private snapshotCount = 0

  constructor(
    readonly userId: string,
    private readonly options: LightClientOptions,
  ) {
    this.roster = new LightRoster(
      options.table,
      (user, connection) => options.onVisible?.(user, connection),
      options.onData,
    )
    this.socket = io(options.url, {
      transports: ['websocket'],
      forceNew: true,
      reconnectionDelay: 200,
      // Identical frames to this process's light clients are parsed once (see the decoder).
      parser: sharedDecodingParser,
      auth: { token: options.token, protocol: PROTOCOL_VERSION, batch: true },
    })
    this.listen()
  }

  get synced(): boolean {
    return this.hasSnapshot
  }

  get count(): number {
    return this.roster.count
  }

  members(): string[] {
    return this.roster.members()
  }

  join(data: WireData): void {
    this.data = data
    this.send(CLIENT_EVENTS.join, { room: this.options.room, data })
  }

  update(data: WireData): void {
    this.data = data
    this.send(CLIENT_EVENTS.update, { room: this.options.room, data })
  }

  leave(): void {
    this.data = undefined
    this.send(CLIENT_EVENTS.leave, { room: this.options.room })
  }

  close(): void {
    this.connected = false
    this.socket.disconnect()
  }

  /** Snapshots received: one per watch, so one more after every resume. */
  get snapshots(): number {
    return this.snapshotCount
  }

  /** Cuts the transport under the socket, as a missed heartbeat does: it reconnects and resumes. */
  cutTransport(): void {
    this.socket.io.engine.close()
  }

  /** Sent only on a live connection, as the adapter does; a reconnect sends the presence again. */
  private send(event: string, body: Record<string, unknown>): void {
    if (!this.socket.connected) return
    this.socket.emit(event, body, (answer: WireAck) => {
      if (!answer.ok) this.errors.push(answer.error.code)
    })
  }

  private listen(): void {
    const { socket, options, roster } = this
    const { counters, room } = options
    socket.on('connect', () => {
      // Watch first (the snapshot), then join again with the presence held, as the adapter does.
      socket.emit(CLIENT_EVENTS.watch, { room })
      if (this.data !== undefined) this.send(CLIENT_EVENTS.join, { room, data: this.data })
    })
    socket.on('disconnect', (reason) => {
      // Emitted once the heartbeat was overdue, held by socket.io-client for the next connection,
      // where it would go ahead of the watch and join: dropped, as the adapter does.
      socket.sendBuffer = []
      if (reason !== 'io client disconnect') countCut(counters, reason)
      // A server that shut this socket down is tried again, as the adapter does.
      if (reason === 'io server disconnect' && this.connected) socket.connect()
    })
    const checked = (read: (message: unknown, name: string) => void) => (message: unknown) => {
      counters.frames++
      try {
        const name = roomOf(message)
        if (name === room) read(message, name)
      } catch (error) {
        this.errors.push(`invalid-input (${error instanceof Error ? error.message.slice(0, 60) : ''})`)
      }
    }
    socket.on(
      SERVER_EVENTS.snapshot,
      checked((message, name) => {
        counters.changes++
        roster.snapshot(readSnapshot(message, name))
        this.hasSnapshot = true
        this.snapshotCount++
      }),
    )
    const upsert = checked((message, name) => {
      counters.changes++
      roster.upsert(readConnectionMessage(message, name))
    })
    socket.on(SERVER_EVENTS.join, upsert)
    socket.on(SERVER_EVENTS.update, upsert)
    socket.on(
      SERVER_EVENTS.leave,
      checked((message, name) => {
        counters.changes++
        roster.leave(readLeave(message, name))
      }),
    )
    socket.on(
      SERVER_EVENTS.batch,
      checked((message, name) => {
        const batch = readBatch(message, name)
        counters.changes += batch.changes.length
        for (const change of batch.changes) {
          if (change.type === 'leave') roster.leave(change.leave)
          else if (change.type !== 'typing') roster.upsert(change.connection)
        }
        if (batch.error !== undefined) throw batch.error
      }),
    )
    socket.on(SERVER_EVENTS.welcome, () => counters.frames++)
    socket.on(SERVER_EVENTS.typing, () => counters.frames++)
    socket.on(SERVER_EVENTS.error, (message: unknown) => {
      counters.frames++
      try {
        this.errors.push(readServerError(message).code)
      } catch {
        this.errors.push('invalid-input (error frame)')
      }
    })
  }
}
