import type { RosterErrors } from './stats.js'

/** What a big-room worker is told when it starts: its share of the room's clients. */
export interface WorkerSetup {
  readonly urls: readonly string[]
  readonly room: string
  /** Clients in the whole room, over every worker. */
  readonly clients: number
  /** This worker runs the clients whose index modulo `workers` is `workerIndex`. */
  readonly workerIndex: number
  readonly workers: number
  /** Join-to-visible is timed on every `sampleEvery`-th client of the room. */
  readonly sampleEvery: number
  readonly leaveGraceMs: number
  /** Which clients run a real presence store; the others are light protocol clients (see `isStoreClient`). */
  readonly storeEvery: number
}

/**
 * Clients come in fours (one stays, one leaves, one closes, one stays: see departures.ts); every
 * `storeEvery`-th four runs real presence stores, so the sample meets every kind of departure.
 * 1 makes every client a store; 0 none.
 */
export const isStoreClient = (index: number, storeEvery: number): boolean =>
  storeEvery > 0 && Math.floor(index / 4) % storeEvery === 0

/** The `storeEvery` that gives about `stores` store clients in a room of `clients`. */
export function storeEveryFor(clients: number, stores: number): number {
  if (stores <= 0) return 0
  if (stores >= clients) return 1
  return Math.max(1, Math.floor(clients / 4 / Math.ceil(stores / 4)))
}

export type Phase = 'join' | 'update' | 'depart'

/** The parent's commands. Phases are paced by the room's index: client i acts at `startAt + i / perSecond`. */
export type ParentMessage =
  | { readonly type: 'setup'; readonly setup: WorkerSetup }
  | { readonly type: 'phase'; readonly phase: Phase; readonly startAt: number; readonly perSecond: number }
  | { readonly type: 'settle'; readonly timeoutMs: number }
  | { readonly type: 'finish' }

/** What one worker measured, sent once at the end. */
export interface WorkerResult {
  /** Join-to-visible of every join its timed clients saw, in ms. */
  readonly latencies: Float64Array
  readonly expectedSamples: number
  /** The joins its timed clients never saw: for each member missed, how many of them missed it. */
  readonly missedJoins: ReadonlyArray<readonly [member: number, observers: number]>
  /** Frames its clients received from the first join to the end. */
  readonly frames: number
  /** Changes in those frames (a batch counts each of its changes; other frames count one). */
  readonly changes: number
  readonly clients: number
  /** Of them, those that run a real presence store. */
  readonly storeClients: number
  /** Its clients' connections cut by the server or the network (missed heartbeats on a starved machine). */
  readonly cutConnections: number
  /** Those cuts by socket.io-client's reason (see `ClientCounters.cutReasons`). */
  readonly cutReasons: ReadonlyArray<readonly [reason: string, count: number]>
  readonly observers: number
  readonly storeObservers: number
  readonly roster: RosterErrors
  /** The same, over its store clients alone. */
  readonly storeRoster: RosterErrors
  /** How many of its remaining clients ended with each roster (a hash of the sorted user ids). */
  readonly digests: ReadonlyArray<readonly [digest: string, clients: number]>
  /** Error event codes its clients got, with how many of each. */
  readonly errorCodes: ReadonlyArray<readonly [code: string, count: number]>
  readonly clientsWithErrors: number
  /** Its own CPU time from the first join to the end (main thread plus V8's helpers), in ms. */
  readonly cpuMs: number
  /** How late its event loop ran timers over the same span, in ms: a busy worker shows it here. */
  readonly loopDelayP50Ms: number
  readonly loopDelayP99Ms: number
  readonly loopDelayMaxMs: number
  readonly rssMb: number
  readonly heapUsedMb: number
}

export type WorkerMessage =
  | { readonly type: 'ready' }
  /**
   * `delivered`: every client of the worker took in the phase from every other member (joins and
   * updates; departures are checked when the rosters settle) before the stall limit.
   */
  | { readonly type: 'phase-done'; readonly phase: Phase; readonly delivered: boolean }
  | { readonly type: 'settled'; readonly ok: boolean }
  | { readonly type: 'result'; readonly result: WorkerResult }
  | { readonly type: 'failed'; readonly message: string }
