import type { PresenceAdapter } from '@presence-kit/core'

/** Drops and restores the client's link to its backend, to test how an app copes with a drop. */
export interface LinkControl {
  drop(): void
  restore(): void
}

interface SocketLike {
  connect(): unknown
  disconnect(): unknown
}

const isSocketLike = (value: unknown): value is SocketLike =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as SocketLike).connect === 'function' &&
  typeof (value as SocketLike).disconnect === 'function'

/**
 * The link control of the adapters that expose one: the socket-io adapter's `socket` (disconnect,
 * then connect: the store sees `disconnected`, keeps the roster stale, and resyncs from the next
 * snapshot). Other adapters hold their backend's connection privately: pass `link` to the panel.
 */
export function linkControlOf(adapter: PresenceAdapter): LinkControl | undefined {
  if (adapter.name !== 'socket-io') return undefined
  const socket = (adapter as PresenceAdapter & { readonly socket?: unknown }).socket
  if (!isSocketLike(socket)) return undefined
  return {
    drop: () => void socket.disconnect(),
    restore: () => void socket.connect(),
  }
}
