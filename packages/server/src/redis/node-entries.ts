import type { Redis } from 'ioredis'
import type { RoomEntry, RoomReplica } from '../room-replica.js'
import type { RedisKeys } from './keys.js'
import { parseEntry, type ClusterMessage } from './messages.js'
import { deleteIfUnchanged } from './scripts.js'

export interface DeleteNodeEntries {
  readonly command: Redis
  readonly keys: RedisKeys
  /** The node that deletes, named in the leaves it publishes. */
  readonly publisher: string
  /** The node whose entries go. */
  readonly nodeId: string
  /** Asked after the reads, per entry: true keeps it (a live connection of this node). */
  readonly keep: (room: string, connectionId: string) => boolean
  /** Delete only entries whose run is not the node's live one (a sweep; the node may be back). */
  readonly onlyDeadRuns: boolean
  /** Runs once the node's rooms are listed, before their entries are read. */
  readonly afterListing?: () => Promise<void>
}

/**
 * Deletes a node's entries from every room it wrote to, each only if Redis still holds what was
 * read, and publishes their leaves; entries that cannot be read go too, with no leave, when the
 * node is dead. Returns how many were deleted.
 */
export async function deleteNodeEntries(input: DeleteNodeEntries): Promise<number> {
  const { command, keys, nodeId } = input
  const rooms = await command.smembers(keys.nodeRooms(nodeId))
  await input.afterListing?.()
  let deleted = 0
  for (const room of rooms) {
    const stored = await command.hgetall(keys.room(room))
    for (const [connectionId, text] of Object.entries(stored)) {
      const entry = parseEntry(text)
      if (entry === undefined ? !input.onlyDeadRuns : entry.node !== nodeId) continue
      if (input.keep(room, connectionId)) continue
      let message = ''
      if (entry !== undefined) {
        const leave = { room, connectionId, userId: entry.wire.userId, version: entry.wire.version + 1 }
        const published: ClusterMessage = { n: input.publisher, t: 'leave', room, leave }
        message = JSON.stringify(published)
      }
      const done = await deleteIfUnchanged(command, {
        roomKey: keys.room(room),
        nodeKey: keys.node(nodeId),
        connectionId,
        expected: text,
        deadRun: input.onlyDeadRuns ? (entry?.run ?? '') : '',
        channel: keys.channel,
        message,
      })
      if (done) deleted++
    }
  }
  return deleted
}

export interface NodeEntries {
  readonly nodeId: string
  readonly runId: string
  readonly restamped: ReadonlyArray<{ room: RoomReplica; entry: RoomEntry }>
  readonly keyLifeMs: number
}

/**
 * Writes a node's connections and publishes them, with the run's heartbeat key last, in one
 * transaction: a sweeper that reads the new run has already been sent the connections.
 */
export async function writeNodeEntries(command: Redis, keys: RedisKeys, input: NodeEntries): Promise<void> {
  const { nodeId } = input
  const transaction = command.multi()
  for (const { room, entry } of input.restamped) {
    const published: ClusterMessage = { n: nodeId, t: 'upsert', room: room.name, entry }
    transaction
      .hset(keys.room(room.name), entry.wire.connectionId, JSON.stringify(entry))
      .sadd(keys.nodeRooms(nodeId), room.name)
      .publish(keys.channel, JSON.stringify(published))
  }
  transaction.set(keys.node(nodeId), input.runId, 'PX', input.keyLifeMs).sadd(keys.nodes, nodeId)
  await transaction.exec()
}

/** A room's live connections in Redis: entries of nodes whose heartbeat is gone are left out. */
export async function readLiveEntries(command: Redis, keys: RedisKeys, room: string): Promise<RoomEntry[]> {
  const stored = await command.hgetall(keys.room(room))
  const entries: RoomEntry[] = []
  for (const text of Object.values(stored)) {
    const entry = parseEntry(text)
    if (entry !== undefined) entries.push(entry)
  }
  const nodes = [...new Set(entries.map((entry) => entry.node))]
  if (nodes.length === 0) return entries
  const runs = await command.mget(nodes.map((node) => keys.node(node)))
  const runOf = new Map(nodes.map((node, index) => [node, runs[index]]))
  return entries.filter((entry) => runOf.get(entry.node) === entry.run)
}
