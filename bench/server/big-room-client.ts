import type { WireData } from '@presence-kit/protocol'

/** What every client of a big-room worker adds to, light or store. */
export interface ClientCounters {
  /** Frames received (a batch counts once). */
  frames: number
  /** Joins, updates, leaves, typing signals and snapshots received, each change of a batch once. */
  changes: number
  /** Connections cut by the server or the network (not the bench's own closes). */
  cutConnections: number
  /**
   * The cuts by socket.io-client's reason: `ping timeout` is the client's own timer giving up on
   * the server's ping, `transport close` the server closing the socket (its ping went unanswered).
   */
  readonly cutReasons: Map<string, number>
}

/** Counts a cut connection under its reason (see `ClientCounters.cutReasons`). */
export function countCut(counters: ClientCounters, reason: string): void {
  counters.cutConnections++
  counters.cutReasons.set(reason, (counters.cutReasons.get(reason) ?? 0) + 1)
}

/**
 * One member of the big room as the worker drives it: a light protocol client or a real
 * presence store, told the same things and read the same way at the end.
 */
export interface RoomClient {
  readonly userId: string
  /** Error codes it got (the server's code for a refused message). */
  readonly errors: string[]
  /** False once the bench closed its connection. */
  readonly connected: boolean
  /** It has had the room's first snapshot. */
  readonly synced: boolean
  /** How many members it shows. */
  readonly count: number
  /** The members it shows, by user id. */
  members(): string[]
  join(data: WireData): void
  update(data: WireData): void
  leave(): void
  /** Closes the connection: the server sees the socket go. */
  close(): void
}

/**
 * Half the clients go, by their place in the room: the second of every four leaves the room, the
 * third closes its connection (the same pattern as departures.ts).
 */
export function departByIndex(client: RoomClient, index: number): void {
  if (index % 4 === 1) client.leave()
  else if (index % 4 === 2) client.close()
}
