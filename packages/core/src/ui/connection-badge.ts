import type { ConnectionStatus } from '../types.js'

/** Words of a connection badge; override for other languages. */
export interface ConnectionBadgeMessages {
  readonly connecting: string
  readonly reconnecting: string
  /** Disconnected or failed: the user is not seen by others. */
  readonly offline: string
}

const englishMessages: ConnectionBadgeMessages = {
  connecting: 'Connecting…',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
}

/**
 * The text of a small connection badge: '' when connected with the roster in hand (nothing to
 * say), "Connecting…" until then, "Reconnecting…" while the link is restored, "Offline" when it is
 * down or failed. An unknown status reads as offline rather than as nothing.
 */
export function getConnectionBadgeLabel(
  state: { readonly status: ConnectionStatus; readonly synced: boolean },
  messages: Partial<ConnectionBadgeMessages> = {},
): string {
  const key: keyof ConnectionBadgeMessages =
    state.status === 'connected' || state.status === 'connecting'
      ? 'connecting'
      : state.status === 'reconnecting'
        ? 'reconnecting'
        : 'offline'
  if (state.status === 'connected' && state.synced) return ''
  const override = Object.hasOwn(Object(messages), key) ? messages[key] : undefined
  return typeof override === 'string' ? override : englishMessages[key]
}
