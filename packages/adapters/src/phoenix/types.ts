import type { ConnectOptions } from '../shared/environment.js'
import type { ActivityReport, PresenceData, UserInfo } from '@presence-kit/core'

/**
 * The parts of the `phoenix` client the adapter uses, typed structurally: the `phoenix` package
 * ships no type declarations, and any object with this surface (a `Socket` of `phoenix` 1.6 to 1.8,
 * a wrapper of it) will do.
 */
export interface PhoenixPush {
  receive(status: string, callback: (response?: any) => void): PhoenixPush
}

export interface PhoenixChannel {
  join(timeout?: number): PhoenixPush
  leave(timeout?: number): PhoenixPush
  push(event: string, payload: object, timeout?: number): PhoenixPush
  on(event: string, callback: (payload?: any) => void): number
  off(event: string, ref?: number): void
  onError(callback: (reason?: any) => void): unknown
  onClose(callback: (reason?: any) => void): unknown
}

export interface PhoenixSocket {
  /** `params` may be a function: phoenix calls it on every (re)join. */
  channel(topic: string, params?: object): PhoenixChannel
  connect?(): void
}

/** What the adapter reads from one presence meta. */
export interface PhoenixMetaReading {
  readonly data?: PresenceData
  readonly activity?: ActivityReport
  readonly profile?: UserInfo
}

export interface PhoenixAdapterOptions extends ConnectOptions {
  /** A `Socket` from `phoenix`. The adapter connects it if needed; the app owns and disconnects it. */
  socket: PhoenixSocket
  /** The channel topic of a room. @default (room) => `presence:${room}` */
  topic?: (room: string) => string
  /** Extra join params of a room, such as a token. @default () => ({}) */
  params?: (room: string) => Record<string, unknown>
  /**
   * The join param that carries this client's connection id, and the meta key the server echoes it
   * in, so the store recognises its own connection. @default 'presence_id'
   */
  connectionIdKey?: string
  /** Presence event names, when the server renames them (`Phoenix.Presence` `events`). @default { state: 'presence_state', diff: 'presence_diff' } */
  presenceEvents?: { readonly state: string; readonly diff: string }
  /** Events the adapter pushes for the local user. @default { enter: 'presence:enter', update: 'presence:update', leave: 'presence:leave' } */
  pushEvents?: { readonly enter?: string; readonly update?: string; readonly leave?: string }
  /** The channel event typing is pushed on and broadcast back on. @default 'presence:typing' */
  typingEvent?: string
  /** The user a presence key belongs to. @default (key) => key */
  userIdFromKey?: (key: string, meta: Readonly<Record<string, unknown>>) => string
  /**
   * What a meta means. @default `meta.data` when it is an object (with `meta.activity` and
   * `meta.profile`), else the whole meta without `phx_ref`, `phx_ref_prev` and the connection id.
   */
  readMeta?: (meta: Readonly<Record<string, unknown>>) => PhoenixMetaReading
}
