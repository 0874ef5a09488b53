import type { MemoryHub } from '@presence-kit/core/testing'

/** Adds `count` members with no client behind them (`user-0`, `user-1`, …) to a room of the hub. */
export function addMembers(hub: MemoryHub, room: string, count: number, from = 0): string[] {
  const ids: string[] = []
  for (let i = from; i < from + count; i++) {
    ids.push(hub.addVirtual(room, { userId: `user-${i}`, profile: { name: `User ${i}` } }))
  }
  return ids
}
