import type { ConnectionInput, LeaveInput } from '@presence-kit/core'

/** One presence event, described once and rendered for each implementation. */
export type BenchEvent =
  | { readonly kind: 'join'; readonly index: number; readonly version: number }
  | { readonly kind: 'leave'; readonly index: number; readonly version: number }

/** The payload every member carries, like a chat app's presence: a name, an avatar, a status. */
export function payload(index: number) {
  return { name: `User ${index}`, avatarUrl: `https://avatars.example.com/${index}.png`, status: 'available' }
}

export const userId = (index: number) => `user-${index}`
export const connectionId = (index: number) => `conn-${index}-${(index * 2654435761) % 1_000_003}`

/**
 * Joins and leaves, half each, keeping `steady` members: every leave removes a random present
 * member, every join brings a new one. Deterministic (a small LCG), so both sides get the same events.
 */
export function churnEvents(steady: number, count: number): { warmup: BenchEvent[]; events: BenchEvent[] } {
  let seed = 12345
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed / 2147483648
  }
  let version = 0
  const warmup: BenchEvent[] = []
  const present: number[] = []
  for (let i = 0; i < steady; i++) {
    warmup.push({ kind: 'join', index: i, version: ++version })
    present.push(i)
  }
  const events: BenchEvent[] = []
  let next = steady
  for (let k = 0; k < count; k++) {
    if (k % 2 === 0) {
      events.push({ kind: 'join', index: next, version: ++version })
      present.push(next++)
    } else {
      const at = Math.floor(random() * present.length)
      const index = present[at]!
      present[at] = present[present.length - 1]!
      present.pop()
      events.push({ kind: 'leave', index, version: ++version })
    }
  }
  return { warmup, events }
}

export function kitInput(event: BenchEvent): ConnectionInput | LeaveInput {
  const base = {
    userId: userId(event.index),
    connectionId: connectionId(event.index),
    version: event.version,
  }
  return event.kind === 'join' ? { ...base, data: payload(event.index) } : base
}

export interface PhoenixMeta {
  phx_ref: string
  [key: string]: unknown
}
export type PhoenixState = Record<string, { metas: PhoenixMeta[] }>
export interface PhoenixDiff {
  joins: PhoenixState
  leaves: PhoenixState
}

export function phoenixEntry(index: number): { metas: PhoenixMeta[] } {
  return { metas: [{ phx_ref: connectionId(index), ...payload(index) }] }
}

export function phoenixDiff(event: BenchEvent): PhoenixDiff {
  const entry = { [userId(event.index)]: phoenixEntry(event.index) }
  return event.kind === 'join' ? { joins: entry, leaves: {} } : { joins: {}, leaves: entry }
}
