import type { PresenceAdapter, RoomSink } from '../adapter.js'
import type { PresenceClient } from '../client.js'
import type { PresenceEvent } from '../events.js'
import { INSPECT } from '../inspect-key.js'
import type { Room, RoomHost } from '../room.js'
import type { RoomState } from '../types.js'
import { readClient } from './read.js'
import type { AdapterInputKind, ClientInternals, InspectRecord } from './types.js'

export type InspectListener = (record: InspectRecord) => void

/** The devtools' view of one client. Costs nothing until `subscribe` is called. */
export interface PresenceInspector {
  /**
   * Every adapter input of every room of the client (as handed over, before any check) and every
   * commit, in order, from now on. Returns the unsubscribe; when the last listener goes, the
   * client is back to its uninspected path (one null check per input).
   */
  subscribe(listener: InspectListener): () => void
  /** Adapter inputs and commits seen by each room since the first subscription. */
  counts(room: string): { readonly inputs: number; readonly commits: number }
  /** The client's internals now: rooms, members with connections, deadlines, typing, activity. */
  read(): ClientInternals
  /** The adapter the client was made with, to reach its own controls (a socket, a hub link). */
  readonly adapter: PresenceAdapter
  /**
   * Hands `input` to a room's sink as if its adapter had: for testing how an app copes with what a
   * backend may send (malformed input comes out as an `error` event). Returns false when the room
   * has no open link.
   */
  inject(room: string, kind: AdapterInputKind, input: unknown, detail?: unknown): boolean
}

interface TapState {
  readonly listeners: Set<InspectListener>
  readonly counts: Map<string, { inputs: number; commits: number; pending: number }>
  /** Rooms whose commits are followed (a `change` listener) while anyone subscribes. */
  readonly followed: Map<Room, () => void>
  seq: number
}

const taps = new WeakMap<RoomHost, TapState>()

function hostOf(client: PresenceClient): RoomHost {
  const host = (client as unknown as Record<typeof INSPECT, RoomHost | undefined>)[INSPECT]
  if (host === undefined || typeof host !== 'object') {
    // A TypeError, not a PresenceError: importing the error class here would split it into a
    // chunk of its own and reorder what the main entry's users bundle.
    throw new TypeError(
      'inspectPresenceClient(client): not a client made by createPresenceClient of this version.',
    )
  }
  return host
}

function tapOf(host: RoomHost): TapState {
  let state = taps.get(host)
  if (state === undefined) {
    state = { listeners: new Set(), counts: new Map(), followed: new Map(), seq: 0 }
    taps.set(host, state)
  }
  return state
}

function countOf(state: TapState, room: string) {
  let count = state.counts.get(room)
  if (count === undefined) {
    count = { inputs: 0, commits: 0, pending: 0 }
    state.counts.set(room, count)
  }
  return count
}

function dispatch(host: RoomHost, state: TapState, record: InspectRecord): void {
  // A listener that throws must not reach the adapter's callback or the commit that called it.
  for (const listener of Array.from(state.listeners)) {
    try {
      listener(record)
    } catch (error) {
      host.options.onListenerError(error)
    }
  }
}

/**
 * Commits come from the room's own `change` event, emitted after every commit with the batch's
 * events: the main entry pays no second tap for them. A room is followed from the first
 * subscription, or from its first adapter input when it was made later.
 */
function follow(host: RoomHost, state: TapState, room: Room): void {
  if (state.followed.has(room)) return
  const off = room.on('change', (change) => {
    const count = countOf(state, room.name)
    count.commits++
    const inputs = count.pending
    count.pending = 0
    const at = host.options.clock.now()
    dispatch(host, state, {
      type: 'commit',
      seq: ++state.seq,
      at,
      room: room.name,
      state: change.state as RoomState,
      events: change.events as readonly PresenceEvent[],
      inputs,
    })
  })
  state.followed.set(room, off)
}

function install(client: PresenceClient, host: RoomHost, state: TapState): void {
  for (const room of client.rooms()) follow(host, state, room)
  host.tap = (room, kind, input, detail) => {
    follow(host, state, room)
    const count = countOf(state, room.name)
    count.inputs++
    count.pending++
    const at = host.options.clock.now()
    dispatch(host, state, {
      type: 'input',
      seq: ++state.seq,
      at,
      room: room.name,
      kind: kind as AdapterInputKind,
      input,
      detail,
    })
  }
}

function uninstall(host: RoomHost, state: TapState): void {
  host.tap = undefined
  for (const off of state.followed.values()) off()
  state.followed.clear()
}

/**
 * Opens the inspection API of a client made by `createPresenceClient`. Several inspectors of one
 * client share one tap.
 */
export function inspectPresenceClient(client: PresenceClient): PresenceInspector {
  const host = hostOf(client)
  const state = tapOf(host)
  const roomNamed = (name: string): Room | undefined => client.rooms().find((room) => room.name === name)
  return {
    subscribe(listener) {
      state.listeners.add(listener)
      if (state.listeners.size === 1) install(client, host, state)
      let done = false
      return () => {
        if (done) return
        done = true
        state.listeners.delete(listener)
        if (state.listeners.size === 0) uninstall(host, state)
      }
    },
    counts(room) {
      const count = state.counts.get(room)
      return { inputs: count?.inputs ?? 0, commits: count?.commits ?? 0 }
    },
    read: () => readClient(client, host),
    adapter: host.options.adapter,
    inject(name, kind, input, detail) {
      const room = roomNamed(name)
      if (room === undefined) return false
      const sink: RoomSink | undefined = room[INSPECT]()[1]
      if (sink === undefined) return false
      ;(sink[kind] as (input: unknown, detail?: unknown) => void)(input, detail)
      return true
    },
  }
}
