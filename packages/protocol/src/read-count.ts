import { WireError } from './error-codes.js'
import { isPlainObject } from './guards.js'

/** No room holds more users than this; a larger count is a broken or hostile server. */
export const MAX_ROOM_COUNT = 2 ** 31 - 1

/**
 * Reads a `presence:count` frame: the number of users in a count-only room. Anything but a whole
 * number from 0 to `MAX_ROOM_COUNT` throws a `WireError` naming the room, so a bad frame is
 * reported and the count the client showed stays as it was.
 */
export function readCount(message: unknown, room: string): number {
  if (!isPlainObject(message)) throw new WireError('invalid-message', 'a count must be an object', room)
  const { count } = message
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || count > MAX_ROOM_COUNT) {
    throw new WireError(
      'invalid-message',
      `count must be a whole number from 0 to ${MAX_ROOM_COUNT}, got ${String(count)}`,
      room,
    )
  }
  return count
}
