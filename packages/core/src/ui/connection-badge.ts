import type { ConnectionStatus } from '../types.js'
import { getMessageOverride } from './message-override.js'

/** Words of a connection badge; override for other languages. */
export interface ConnectionBadgeMessages {
  readonly connecting: string
  readonly reconnecting: string
  /** Disconnected: the user is not seen by others. */
  readonly offline: string
  /** The connection failed, or the first one took longer than the badge's timeout. */
  readonly failed: string
  /** The retry button beside the failure. */
  readonly retry: string
}

/** What a connection badge shows: `connected` shows nothing but keeps its room. */
export type ConnectionBadgeState = 'connected' | 'connecting' | 'reconnecting' | 'offline' | 'failed'

export interface ConnectionBadge {
  readonly state: ConnectionBadgeState
  /** '' when connected with the roster in hand: nothing to say. */
  readonly label: string
  /** The retry button's text. */
  readonly retry: string
  /**
   * The longest text the badge can show (a failure with its retry button included), which it
   * reserves from the start so that its arrival moves nothing around it.
   */
  readonly reserve: string
}

const englishMessages: ConnectionBadgeMessages = {
  connecting: 'Connecting…',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
  failed: 'Couldn’t connect',
  retry: 'Retry',
}

/** The first connection's default deadline before the badge reports a failure. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 15_000

function message(messages: Partial<ConnectionBadgeMessages> | undefined, key: keyof ConnectionBadgeMessages) {
  // Own string properties only: bad overrides (null, numbers, "__proto__") read as none.
  return getMessageOverride(messages, key) ?? englishMessages[key]
}

/**
 * A connection badge: "Connecting…" until the roster arrives, "Reconnecting…" while the link is
 * restored, "Offline" when it is down, and a failure (with a retry action) when the backend gave
 * up or the first connection outlived its deadline (`timedOut`). An unknown status reads as
 * offline rather than as nothing.
 */
export function getConnectionBadge(
  state: { readonly status: ConnectionStatus; readonly synced: boolean },
  timedOut: boolean,
  messages?: Partial<ConnectionBadgeMessages>,
): ConnectionBadge {
  const { status, synced } = state
  const badge: ConnectionBadgeState =
    status === 'failed' || (timedOut && !synced)
      ? 'failed'
      : status === 'connected'
        ? synced
          ? 'connected'
          : 'connecting'
        : status === 'connecting' || status === 'reconnecting'
          ? status
          : 'offline'
  const retry = message(messages, 'retry')
  const failure = `${message(messages, 'failed')} ${retry}`
  const reserve = (['connecting', 'reconnecting', 'offline'] as const)
    .map((key) => message(messages, key))
    .reduce((longest, text) => (text.length > longest.length ? text : longest), failure)
  return { state: badge, label: badge === 'connected' ? '' : message(messages, badge), retry, reserve }
}

/** The text of a connection badge (see `getConnectionBadge`), without a deadline. */
export function getConnectionBadgeLabel(
  state: { readonly status: ConnectionStatus; readonly synced: boolean },
  messages?: Partial<ConnectionBadgeMessages>,
): string {
  return getConnectionBadge(state, false, messages).label
}

/**
 * Calls `onTimeout` once if the first connection is still pending after `timeoutMs` (a positive,
 * finite number; anything else means no deadline). Returns the cancel function.
 */
export function startConnectDeadline(timeoutMs: unknown, onTimeout: () => void): () => void {
  if (typeof timeoutMs !== 'number' || !(timeoutMs > 0) || !Number.isFinite(timeoutMs)) return () => {}
  const timer = setTimeout(onTimeout, timeoutMs)
  return () => clearTimeout(timer)
}
