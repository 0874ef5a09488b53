import { Presence } from 'phoenix'
import type { ConnectionInput, RosterFactory } from '@presence-kit/core'
import { bigRoomRoster } from '@presence-kit/core/big-rooms'
import { createKitRoom } from './kit-room.js'
import { connectionId, payload, userId, type PhoenixState } from './workload.js'

/**
 * Retained heap per member, measured in a process of its own per implementation and member shape:
 * the heap once `members` are loaded, minus the heap before. Each side's input is built inside a
 * function and dropped before the heap is read, so only what the state itself keeps is counted
 * (phoenix keeps its input's meta objects, and they count; the array or object they came in does
 * not). Both sides get their input decoded from JSON, as from the wire. Run as `tsx --expose-gc memory.ts kit|kit-big|phoenix phoenix-meta|bench <members>` (`kit-big`:
 * the kit with `bigRoomRoster`); prints the
 * bytes per member.
 *
 * The shapes: `phoenix-meta` is what a Phoenix app tracks (`phx_ref`, `online_at`, `name`; the
 * kit gets `online_at` and `name` as data, `phx_ref` as the connection id); `bench` is the
 * benchmarks' own member (a name, an avatar URL and a status).
 */
export type MemberShape = 'phoenix-meta' | 'bench'

function heap(): number {
  for (let i = 0; i < 4; i++) globalThis.gc!()
  return process.memoryUsage().heapUsed
}

/**
 * The input as an app receives it: decoded from a JSON message, so every string in it is one flat
 * string. (Built here with template strings, an id such as `conn-12-3456` is a rope of three
 * strings, about 80 bytes more, that a store keeping the string as given would be charged for and
 * a store that copies it would not.)
 */
function fromWire<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}

function data(shape: MemberShape, index: number): Record<string, string> {
  return shape === 'bench'
    ? payload(index)
    : { online_at: String(1_765_000_000 + index), name: `User ${index}` }
}

function kitState(shape: MemberShape, members: number, roster?: RosterFactory): object {
  const { room, sink } = createKitRoom('flush', roster)
  const input: ConnectionInput[] = fromWire(
    Array.from({ length: members }, (_, i) => ({
      userId: userId(i),
      connectionId: connectionId(i),
      version: 1,
      data: data(shape, i),
    })),
  )
  sink.snapshot(input)
  room.flush()
  if (room.get().count !== members) throw new Error('kit lost members')
  return room
}

function phoenixState(shape: MemberShape, members: number): object {
  const built: PhoenixState = {}
  for (let i = 0; i < members; i++)
    built[userId(i)] = { metas: [{ phx_ref: connectionId(i), ...data(shape, i) }] }
  const input = fromWire(built)
  const state = Presence.syncState(
    {},
    input,
    () => {},
    () => {},
  )
  if (Object.keys(state).length !== members) throw new Error('phoenix lost members')
  return state
}

const [which, shape, count] = process.argv.slice(2) as ['kit' | 'kit-big' | 'phoenix', MemberShape, string]
if (shape !== 'bench' && shape !== 'phoenix-meta') throw new Error(`unknown member shape ${shape}`)
const members = Number(count)
const load =
  which === 'kit'
    ? kitState
    : which === 'kit-big'
      ? (s: MemberShape, m: number) => kitState(s, m, bigRoomRoster)
      : phoenixState
// Warm the code paths on a small room, dropped, so compiled code is not counted as presence state.
load(shape, 100)
const before = heap()
// Only the state survives this call; the input it was built from is garbage once it returns.
const kept = load(shape, members)
const after = heap()
console.log(((after - before) / members).toFixed(1))
// Read after the measurement, so the state is reachable while the heap is read.
if (typeof kept !== 'object') throw new Error('nothing kept')
