/** The wire protocol's version; a client sends it in `auth.protocol` (see the server's docs/protocol.md). */
export const PROTOCOL_VERSION = 1

/** Client to server. Each may carry an acknowledgement callback that gets a `WireAck`. */
export const CLIENT_EVENTS = {
  watch: 'presence:watch',
  unwatch: 'presence:unwatch',
  join: 'presence:join',
  update: 'presence:update',
  leave: 'presence:leave',
  typing: 'presence:typing',
} as const

/** Server to client. */
export const SERVER_EVENTS = {
  welcome: 'presence:welcome',
  snapshot: 'presence:snapshot',
  join: 'presence:join',
  update: 'presence:update',
  leave: 'presence:leave',
  typing: 'presence:typing',
  /** Several of a room's joins, updates, leaves and typing signals in one frame (see `BatchMessage`). */
  batch: 'presence:batch',
  /** A count-only room's size, in place of its members (see `CountMessage`). */
  count: 'presence:count',
  error: 'presence:error',
} as const

export type ClientEvent = (typeof CLIENT_EVENTS)[keyof typeof CLIENT_EVENTS]
export type ServerEvent = (typeof SERVER_EVENTS)[keyof typeof SERVER_EVENTS]
