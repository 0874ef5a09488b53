import type { WireConnection } from './protocol.js'

/** A connection as a node holds it: the wire form plus who owns it. */
export interface RoomEntry {
  readonly wire: WireConnection
  /** The node that holds the connection's socket. */
  readonly node: string
  /** That node's run, so entries of an earlier run of a restarted node can be told apart. */
  readonly run: string
}

const MAX_TOMBSTONES = 10_000

/**
 * One room as this node sees it: every connection on every node. Input is ordered by the
 * connection's version, so a late or repeated message from Redis never undoes a newer one.
 */
export class RoomReplica {
  readonly entries = new Map<string, RoomEntry>()
  /** Leave versions, so a join that arrives after its own leave cannot make a ghost. */
  private readonly tombstones = new Map<string, number>()
  private readonly connectionsPerUser = new Map<string, number>()
  /** Local sockets watching the room. */
  watchers = 0
  loading: Promise<void> | undefined

  constructor(readonly name: string) {}

  get memberCount(): number {
    return this.connectionsPerUser.size
  }

  hasUser(userId: string): boolean {
    return this.connectionsPerUser.has(userId)
  }

  /** Adds or replaces a connection; returns what changed, or undefined for stale input. */
  upsert(entry: RoomEntry): 'join' | 'update' | undefined {
    const { connectionId, version } = entry.wire
    const tombstone = this.tombstones.get(connectionId)
    if (tombstone !== undefined && version <= tombstone) return undefined
    const existing = this.entries.get(connectionId)
    if (existing !== undefined && version <= existing.wire.version) return undefined
    this.entries.set(connectionId, entry)
    if (existing === undefined) {
      this.countUser(entry.wire.userId, 1)
      return 'join'
    }
    return 'update'
  }

  /** Removes a connection; returns the entry it held, or undefined when there was none. */
  remove(connectionId: string, version: number): RoomEntry | undefined {
    const previous = this.tombstones.get(connectionId)
    if (previous === undefined || previous < version) {
      this.tombstones.delete(connectionId)
      this.tombstones.set(connectionId, version)
      if (this.tombstones.size > MAX_TOMBSTONES) {
        const oldest = this.tombstones.keys().next().value
        if (oldest !== undefined) this.tombstones.delete(oldest)
      }
    }
    const existing = this.entries.get(connectionId)
    if (existing === undefined || existing.wire.version >= version) return undefined
    this.entries.delete(connectionId)
    this.countUser(existing.wire.userId, -1)
    return existing
  }

  snapshot(): WireConnection[] {
    const connections: WireConnection[] = []
    for (const entry of this.entries.values()) connections.push(entry.wire)
    return connections
  }

  private countUser(userId: string, delta: number): void {
    const next = (this.connectionsPerUser.get(userId) ?? 0) + delta
    if (next <= 0) this.connectionsPerUser.delete(userId)
    else this.connectionsPerUser.set(userId, next)
  }
}
