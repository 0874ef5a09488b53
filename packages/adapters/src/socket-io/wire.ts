import type { ConnectionInput, LeaveInput, TypingInput } from '@presence-kit/core'
import {
  readBatch as readWireBatch,
  readConnection as readWireConnection,
  readConnectionMessage as readWireConnectionMessage,
  readLeave as readWireLeave,
  readSnapshot as readWireSnapshot,
  readTyping as readWireTyping,
  type WireBatch,
  type WireConnection,
} from '@presence-kit/protocol'

/**
 * The reference server's wire protocol, version 1, as this client reads it: the names, shapes and
 * checks are @presence-kit/protocol's, shared with the server; this only hands the store its own
 * types. Everything that arrives is checked before it reaches the store.
 */
export {
  readCount,
  CLIENT_EVENTS,
  PROTOCOL_VERSION,
  SERVER_EVENTS,
  WireError,
  readServerError,
  roomOf,
  type ServerError,
} from '@presence-kit/protocol'

/** A checked connection is already the store's input: fresh from the wire, owned by nobody else. */
function toInput(connection: WireConnection): ConnectionInput {
  return connection
}

export function readConnection(value: unknown, room: string): ConnectionInput {
  return toInput(readWireConnection(value, room))
}

export function readSnapshot(message: unknown, room: string): ConnectionInput[] {
  return readWireSnapshot(message, room).map(toInput)
}

export function readConnectionMessage(message: unknown, room: string): ConnectionInput {
  return toInput(readWireConnectionMessage(message, room))
}

export function readLeave(message: unknown, room: string): LeaveInput {
  return readWireLeave(message, room)
}

export function readTyping(message: unknown, room: string): TypingInput {
  return readWireTyping(message, room)
}

export function readBatch(message: unknown, room: string): WireBatch {
  return readWireBatch(message, room)
}
