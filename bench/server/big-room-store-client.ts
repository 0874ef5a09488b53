import { createPresenceClient, type Member, type PresenceClient, type Room } from '@presence-kit/core'
import { createSocketIoAdapter, type SocketIoAdapter } from '@presence-kit/adapters/socket-io'
import type { WireData } from '@presence-kit/protocol'
import { countCut, type ClientCounters, type RoomClient } from './big-room-client.js'

export interface StoreClientOptions {
  readonly url: string
  readonly token: string
  readonly room: string
  readonly leaveGraceMs: number
  readonly counters: ClientCounters
  /** Told each member this client's store shows joining (not itself). */
  readonly onJoin?: (member: Member) => void
  /** Told each member this client's store shows joining or changing (not itself), as it is then. */
  readonly onData?: (member: Member) => void
}

/** An error event's code, with the server's own code when the adapter passed one on. */
function errorName(error: {
  readonly code: string
  readonly detail?: unknown
  readonly message: string
}): string {
  const detail = error.detail as { code?: unknown } | undefined
  if (typeof detail?.code === 'string') return `${error.code} (${detail.code})`
  return error.code === 'adapter-error' ? `${error.code} (${error.message.slice(0, 60)})` : error.code
}

/**
 * A big-room client as an app runs it: a real socket.io-client connection through the Socket.IO
 * adapter into its own presence store (@presence-kit/core), so the store's rules (versions, the
 * leave grace, resync after a reconnect, batches committed at once) meet the big room.
 */
export class StoreClient implements RoomClient {
  readonly errors: string[] = []
  connected = true
  private readonly adapter: SocketIoAdapter
  private readonly client: PresenceClient
  private readonly room: Room

  constructor(
    readonly userId: string,
    options: StoreClientOptions,
  ) {
    const { counters } = options
    this.adapter = createSocketIoAdapter({
      url: options.url,
      connectOnServer: true,
      token: options.token,
      socketOptions: { forceNew: true, reconnectionDelay: 200 },
    })
    this.adapter.socket.on('disconnect', (reason: string) => {
      if (reason !== 'io client disconnect') countCut(counters, reason)
    })
    this.adapter.socket.onAny((event: string, body: { changes?: unknown[] }) => {
      counters.frames++
      counters.changes += event === 'presence:batch' ? (body.changes?.length ?? 0) : 1
    })
    this.client = createPresenceClient({
      adapter: this.adapter,
      user: { id: userId },
      leaveGraceMs: options.leaveGraceMs,
    })
    this.room = this.client.room(options.room)
    const { onJoin, onData } = options
    if (onJoin !== undefined || onData !== undefined) {
      this.room.on('join', (event) => {
        if (event.member.isSelf) return
        onJoin?.(event.member)
        onData?.(event.member)
      })
    }
    if (onData !== undefined) {
      this.room.on('update', (event) => {
        if (!event.member.isSelf) onData(event.member)
      })
    }
    this.room.on('error', (event) => this.errors.push(errorName(event.error)))
    this.room.watch()
  }

  get synced(): boolean {
    return this.room.get().synced
  }

  get count(): number {
    return this.room.get().count
  }

  members(): string[] {
    return this.room.get().members.map((member) => member.userId)
  }

  join(data: WireData): void {
    this.room.join(data)
  }

  update(data: WireData): void {
    this.room.update(data)
  }

  leave(): void {
    this.room.leave()
  }

  close(): void {
    this.connected = false
    this.client.destroy()
    this.adapter.destroy?.()
  }
}
