import { WireError } from './error-codes.js'
import type { WireConnection } from './frames.js'
import { isPlainObject } from './guards.js'
import {
  readConnection,
  readLeave,
  readTyping,
  type WireLeave,
  type WireTyping,
} from './read-server-frames.js'

/** One checked change of a batch, in the shape the single-event readers give. */
export type WireChange =
  | { readonly type: 'join' | 'update'; readonly connection: WireConnection }
  | { readonly type: 'leave'; readonly leave: WireLeave }
  | { readonly type: 'typing'; readonly typing: WireTyping }

/** A batch as a client reads it: every well-formed change in order, and what was not. */
export interface WireBatch {
  readonly changes: WireChange[]
  /** Set when some changes were malformed and left out: how many, and the first reason. */
  readonly error?: WireError
}

function readChange(value: unknown, room: string): WireChange {
  if (!isPlainObject(value)) throw new WireError('invalid-message', 'a change must be an object', room)
  switch (value.type) {
    case 'join':
    case 'update':
      return { type: value.type, connection: readConnection(value.connection, room) }
    case 'leave':
      return { type: 'leave', leave: readLeave(value, room) }
    case 'typing':
      return { type: 'typing', typing: readTyping(value, room) }
    default:
      throw new WireError('invalid-message', 'a change must be of type join, update, leave or typing', room)
  }
}

/**
 * Reads a `presence:batch` frame. A frame that is not a batch at all throws a `WireError`; a
 * malformed change inside a well-formed frame is left out and reported in `error`, and the other
 * changes are kept: each addresses its own connection under its own version, so dropping one
 * loses what dropping that single event would, nothing more.
 */
export function readBatch(message: unknown, room: string): WireBatch {
  const changes = isPlainObject(message) ? message.changes : undefined
  if (!Array.isArray(changes)) {
    throw new WireError('invalid-message', 'a batch must carry a changes array', room)
  }
  const read: WireChange[] = []
  let rejected = 0
  let first: string | undefined
  for (const [index, change] of changes.entries()) {
    try {
      read.push(readChange(change, room))
    } catch (error) {
      if (!(error instanceof WireError)) throw error
      rejected++
      first ??= `change ${index}: ${error.message}`
    }
  }
  if (rejected === 0) return { changes: read }
  const error = new WireError(
    'invalid-message',
    `${rejected} of ${changes.length} changes in a batch were malformed and left out (${first})`,
    room,
  )
  return { changes: read, error }
}
