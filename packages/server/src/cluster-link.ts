import type { LeaveMessage, TypingMessage } from './protocol.js'
import type { RoomEntry } from './room-replica.js'

export type ClusterStatus = 'disabled' | 'ready' | 'down'

/** What a node tells the other nodes, and how it learns a room's roster. In memory it does nothing. */
export interface ClusterLink {
  status(): ClusterStatus
  start(): Promise<void>
  /** The room's connections on every node, for a room this node starts to serve. */
  loadRoom(room: string): Promise<RoomEntry[]>
  publishUpsert(room: string, entry: RoomEntry): void
  publishLeave(room: string, leave: LeaveMessage): void
  publishTyping(room: string, typing: TypingMessage): void
  /** Takes this node's connections out of Redis and stops its timers. */
  stop(): Promise<void>
}

export const memoryLink: ClusterLink = {
  status: () => 'disabled',
  start: () => Promise.resolve(),
  loadRoom: () => Promise.resolve([]),
  publishUpsert() {},
  publishLeave() {},
  publishTyping() {},
  stop: () => Promise.resolve(),
}
