import type { ConnectionInput, LeaveInput, RoomSink, TypingInput } from '../../src/adapter.js'
import type { SinkMethod } from '../../src/testing/index.js'

export interface SinkCall {
  readonly method: SinkMethod
  readonly args: readonly unknown[]
}

/** A `RoomSink` that records every call, with its raw arguments, for assertions. */
export interface RecordingSink extends RoomSink {
  readonly calls: SinkCall[]
  methods(): SinkMethod[]
  statuses(): unknown[][]
  snapshots(): ConnectionInput[][]
  joins(): ConnectionInput[]
  updates(): ConnectionInput[]
  leaves(): LeaveInput[]
  typings(): TypingInput[]
  firstArgs(method: SinkMethod): unknown[]
  clear(): void
}

export function recordingSink(): RecordingSink {
  const calls: SinkCall[] = []
  const record =
    (method: SinkMethod) =>
    (...args: unknown[]): void => {
      calls.push({ method, args })
    }
  const firstArgs = (method: SinkMethod) =>
    calls.filter((call) => call.method === method).map((call) => call.args[0])
  return {
    calls,
    snapshot: record('snapshot'),
    join: record('join'),
    update: record('update'),
    leave: record('leave'),
    typing: record('typing'),
    status: record('status'),
    error: record('error'),
    methods: () => calls.map((call) => call.method),
    statuses: () => calls.filter((call) => call.method === 'status').map((call) => [...call.args]),
    snapshots: () => firstArgs('snapshot') as ConnectionInput[][],
    joins: () => firstArgs('join') as ConnectionInput[],
    updates: () => firstArgs('update') as ConnectionInput[],
    leaves: () => firstArgs('leave') as LeaveInput[],
    typings: () => firstArgs('typing') as TypingInput[],
    firstArgs,
    clear: () => void calls.splice(0, calls.length),
  }
}

export const activeNow = { inactiveMs: 0, hidden: false, away: false }

export function presence(data: Record<string, string | number>) {
  return { data, activity: activeNow }
}

/** Versions of every join, update and leave the sink got, in arrival order. */
export function versionsOf(sink: RecordingSink): number[] {
  return sink.calls
    .filter((call) => call.method === 'join' || call.method === 'update' || call.method === 'leave')
    .map((call) => (call.args[0] as { version: number }).version)
}
