import type { ConnectOptions } from '../shared/environment.js'
/** The parts of a `BroadcastChannel` the adapter uses. */
export interface BroadcastChannelLike {
  postMessage(message: unknown): void
  addEventListener(type: 'message', listener: (event: { readonly data: unknown }) => void): void
  removeEventListener(type: 'message', listener: (event: { readonly data: unknown }) => void): void
  close(): void
}

/**
 * The page's lifecycle, where it matters for presence among tabs: a frozen or hidden-away page
 * stops hearing the others (`pause`), comes back (`resume`), or goes for good (`unload`).
 */
export interface PageLifecycleLike {
  /** Subscribes; returns the unsubscribe. */
  listen(handlers: { pause(): void; resume(): void; unload(): void }): () => void
}

export interface BroadcastChannelAdapterOptions extends ConnectOptions {
  /** The channel name of a room. @default (room) => `presence-kit:${room}` */
  channelName?: (room: string) => string
  /** Makes a channel. @default (name) => new BroadcastChannel(name) */
  createChannel?: (name: string) => BroadcastChannelLike
  /** @default the document's `freeze` / `resume` and the window's `pagehide` / `pageshow` */
  lifecycle?: PageLifecycleLike
  /** How often a tab says it is still there; a tab not heard for 3 of these has gone. @default 5000 */
  heartbeatMs?: number
  /** How long after (re)linking the other tabs' answers are gathered into the snapshot. @default 100 */
  gatherMs?: number
}
