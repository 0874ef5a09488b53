/**
 * Ably's rules for which of two presence messages of one member (`connectionId` + `clientId`) is
 * newer. A message the server made itself (a leave after a connection was lost: its `id` does not
 * start with its `connectionId`) is compared by `timestamp`; otherwise the `msgSerial` and `index`
 * in `id` (`connectionId:msgSerial:index`) decide.
 */
export interface PresenceOrder {
  readonly id: string
  readonly connectionId: string
  readonly timestamp: number
}

export function isSynthesized(message: PresenceOrder): boolean {
  return !message.id.startsWith(message.connectionId)
}

/** True when `incoming` supersedes `current`. */
export function isNewer(incoming: PresenceOrder, current: PresenceOrder): boolean {
  if (isSynthesized(incoming) || isSynthesized(current)) return incoming.timestamp >= current.timestamp
  const [inSerial, inIndex] = serialOf(incoming)
  const [curSerial, curIndex] = serialOf(current)
  if (inSerial === undefined || curSerial === undefined) return incoming.timestamp >= current.timestamp
  return inSerial > curSerial || (inSerial === curSerial && inIndex! > curIndex!)
}

function serialOf(message: PresenceOrder): [number, number] | [undefined, undefined] {
  const parts = message.id.slice(message.connectionId.length + 1).split(':')
  const serial = Number(parts[0])
  const index = Number(parts[1])
  return Number.isInteger(serial) && Number.isInteger(index) ? [serial, index] : [undefined, undefined]
}
