import type { WireConnection, WireLeave } from '@presence-kit/protocol'
import type { ConnectionTable } from './big-room-connections.js'

/**
 * A light client's view of one room: who is in it, by connection, under the protocol's ordering
 * rule (a connection's join, update or leave counts only with a version above the last one seen
 * for it, so a late or repeated frame cannot bring back a member who left). A snapshot says who is
 * there now: everyone else is gone, and their last versions stay to turn away stale frames.
 */
export class LightRoster {
  /** The last version seen for each connection number (0: never seen). */
  private versions = new Float64Array(64)
  private present = new Uint8Array(64)
  private presentCount = 0

  constructor(
    private readonly table: ConnectionTable,
    /** Told when a connection becomes visible, with the data it came with. */
    private readonly onVisible: (userId: string, connection: WireConnection) => void,
    /** Told every join, update or snapshot entry that counts (newer than what was seen), with its data. */
    private readonly onData?: (userId: string, connection: WireConnection) => void,
  ) {}

  /** Connections shown now (one per member while nobody has two). */
  get count(): number {
    return this.presentCount
  }

  snapshot(connections: readonly WireConnection[]): void {
    const shown = new Set<number>()
    for (const connection of connections) shown.add(this.upsert(connection, true))
    for (let number = 0; number < this.present.length; number++) {
      if (this.present[number] === 1 && !shown.has(number)) this.hide(number)
    }
  }

  /** A join or an update: both show the connection with its latest data. */
  upsert(connection: WireConnection, fromSnapshot = false): number {
    const number = this.table.numberOf(connection.connectionId, connection.userId)
    this.fit(number)
    const known = this.versions[number] as number
    // A snapshot is the truth at its time; a change older than what was seen is stale.
    if (connection.version < known || (connection.version === known && !fromSnapshot)) return number
    this.versions[number] = connection.version
    this.onData?.(connection.userId, connection)
    if (this.present[number] === 0) {
      this.present[number] = 1
      this.presentCount++
      this.onVisible(connection.userId, connection)
    }
    return number
  }

  leave(leave: WireLeave): void {
    const number = this.table.numberOf(leave.connectionId, leave.userId)
    this.fit(number)
    if (leave.version <= (this.versions[number] as number)) return
    this.versions[number] = leave.version
    if (this.present[number] === 1) this.hide(number)
  }

  /** The members shown, by user id. */
  members(): string[] {
    const users = new Set<string>()
    for (let number = 0; number < this.present.length; number++) {
      if (this.present[number] === 1) users.add(this.table.userOf(number))
    }
    return [...users]
  }

  private hide(number: number): void {
    this.present[number] = 0
    this.presentCount--
  }

  private fit(number: number): void {
    if (number < this.versions.length) return
    let length = this.versions.length
    while (length <= number) length *= 2
    const versions = new Float64Array(length)
    versions.set(this.versions)
    const present = new Uint8Array(length)
    present.set(this.present)
    this.versions = versions
    this.present = present
  }
}
