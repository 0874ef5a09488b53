// `phoenix` ships no type declarations: the subset these tests use, written from its sources.
declare module 'phoenix' {
  export interface SocketOptions {
    transport?: unknown
    params?: Record<string, unknown> | (() => Record<string, unknown>)
    timeout?: number
    heartbeatIntervalMs?: number
    reconnectAfterMs?: (tries: number) => number
    rejoinAfterMs?: (tries: number) => number
    logger?: (kind: string, message: string, data: unknown) => void
  }
  export class Push {
    receive(status: string, callback: (response?: any) => void): Push
  }
  export class Channel {
    join(timeout?: number): Push
    leave(timeout?: number): Push
    push(event: string, payload: object, timeout?: number): Push
    on(event: string, callback: (payload?: any) => void): number
    off(event: string, ref?: number): void
    onError(callback: (reason?: any) => void): number
    onClose(callback: (reason?: any) => void): void
    trigger(event: string, payload?: unknown): void
  }
  export class Socket {
    constructor(endPoint: string, options?: SocketOptions)
    connect(): void
    disconnect(callback?: () => void, code?: number, reason?: string): void
    channel(topic: string, params?: object): Channel
    isConnected(): boolean
  }
  export type PresenceState = Record<string, { metas: Record<string, unknown>[] }>
  export type PresenceCallback = (key?: string, current?: any, changed?: any) => void
  export class Presence {
    constructor(channel: Channel, options?: { events?: { state: string; diff: string } })
    static syncState(
      current: object,
      next: object,
      onJoin?: PresenceCallback,
      onLeave?: PresenceCallback,
    ): PresenceState
    static syncDiff(
      current: object,
      diff: { joins: object; leaves: object },
      onJoin?: PresenceCallback,
      onLeave?: PresenceCallback,
    ): PresenceState
    static list<T = unknown>(presences: object, chooser?: (key: string, presence: any) => T): T[]
  }
}
