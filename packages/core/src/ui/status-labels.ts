import type { ConnectionStatus, PresenceStatus } from '../types.js'
import { getMessageOverride } from './message-override.js'

/**
 * Words for each presence status; override for other languages. `left` words how long ago a member
 * left, with `{ago}` (the locale's relative time, "2 min ago") and `{status}` (the offline word);
 * by default "left {ago}" in English and "{status} · {ago}" in other locales. `typing` is what a
 * row says of a member typing now (default "typing…").
 */
export type StatusMessages = Readonly<Record<PresenceStatus, string>> & {
  readonly left?: string
  readonly typing?: string
}

/** Words for each connection status; override for other languages. */
export type ConnectionStatusMessages = Readonly<Record<ConnectionStatus, string>>

const englishStatuses: StatusMessages = {
  active: 'Active',
  idle: 'Idle',
  away: 'Away',
  offline: 'Offline',
}

const englishConnectionStatuses: ConnectionStatusMessages = {
  connected: 'Connected',
  connecting: 'Connecting…',
  reconnecting: 'Reconnecting…',
  disconnected: 'Disconnected',
  failed: 'Connection failed',
}

/**
 * The text that goes with a status dot, so colour is never the only signal.
 *
 * @default messages English ('Active', 'Idle', 'Away', 'Offline')
 */
export function getStatusLabel(status: PresenceStatus, messages: Partial<StatusMessages> = {}): string {
  return pick(messages, englishStatuses, status)
}

/**
 * The text for the client's own connection state, e.g. in a banner while reconnecting.
 *
 * @default messages English ('Connected', 'Connecting…', 'Reconnecting…', 'Disconnected',
 * 'Connection failed')
 */
export function getConnectionStatusLabel(
  status: ConnectionStatus,
  messages: Partial<ConnectionStatusMessages> = {},
): string {
  return pick(messages, englishConnectionStatuses, status)
}

// A status read from bad data ("constructor", "__proto__") must not reach Object.prototype. An
// unknown status is shown as itself rather than as nothing.
function pick<K extends string>(
  overrides: Partial<Record<K, string>>,
  defaults: Record<K, string>,
  key: K,
): string {
  return getMessageOverride(overrides, key) ?? (Object.hasOwn(defaults, key) ? defaults[key] : String(key))
}
