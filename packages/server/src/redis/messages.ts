import { isPlainObject } from '@presence-kit/protocol'
import type { LeaveMessage, TypingMessage, WireConnection } from '../protocol.js'
import type { RoomEntry } from '../room-replica.js'

/** What nodes publish to each other. `n` is the publishing node, which ignores its own messages. */
export type ClusterMessage =
  | { n: string; t: 'upsert'; room: string; entry: RoomEntry }
  | { n: string; t: 'leave'; room: string; leave: LeaveMessage }
  | { n: string; t: 'typing'; room: string; typing: TypingMessage }

function isWireConnection(value: unknown): value is WireConnection {
  return (
    isPlainObject(value) &&
    typeof value.connectionId === 'string' &&
    typeof value.userId === 'string' &&
    isPlainObject(value.data) &&
    typeof value.version === 'number'
  )
}

function readEntry(value: unknown): RoomEntry | undefined {
  if (!isPlainObject(value) || typeof value.node !== 'string' || typeof value.run !== 'string')
    return undefined
  return isWireConnection(value.wire) ? { wire: value.wire, node: value.node, run: value.run } : undefined
}

/** An entry as stored in a room hash, or undefined when it is not one. */
export function parseEntry(text: string): RoomEntry | undefined {
  try {
    return readEntry(JSON.parse(text))
  } catch {
    return undefined
  }
}

/** Redis is shared: a message this node cannot read is skipped, never trusted. */
export function parseClusterMessage(text: string): ClusterMessage | undefined {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return undefined
  }
  if (!isPlainObject(value) || typeof value.n !== 'string' || typeof value.room !== 'string') return undefined
  if (value.t === 'upsert') {
    const entry = readEntry(value.entry)
    return entry === undefined ? undefined : { n: value.n, t: 'upsert', room: value.room, entry }
  }
  if (value.t === 'leave') {
    const leave = value.leave
    if (
      isPlainObject(leave) &&
      typeof leave.connectionId === 'string' &&
      typeof leave.userId === 'string' &&
      typeof leave.version === 'number'
    ) {
      const message: LeaveMessage = {
        room: value.room,
        connectionId: leave.connectionId,
        userId: leave.userId,
        version: leave.version,
      }
      return { n: value.n, t: 'leave', room: value.room, leave: message }
    }
    return undefined
  }
  if (value.t === 'typing') {
    const typing = value.typing
    if (
      isPlainObject(typing) &&
      typeof typing.connectionId === 'string' &&
      typeof typing.userId === 'string' &&
      typeof typing.typing === 'boolean' &&
      typeof typing.ttlMs === 'number'
    ) {
      const message: TypingMessage = {
        room: value.room,
        connectionId: typing.connectionId,
        userId: typing.userId,
        typing: typing.typing,
        ttlMs: typing.ttlMs,
      }
      return { n: value.n, t: 'typing', room: value.room, typing: message }
    }
  }
  return undefined
}
