import { Presence } from 'phoenix'
import { createKitRoom } from './kit-room.js'
import { connectionId, payload, phoenixEntry, userId, type PhoenixState } from './workload.js'

/**
 * Retained heap per member, measured in a process of its own per implementation: heap after
 * loading `members` and dropping the input, minus the heap before the input was made.
 * Run as `tsx --expose-gc memory.ts kit|phoenix <members>`; prints the bytes per member.
 */
function heap(): number {
  for (let i = 0; i < 4; i++) globalThis.gc!()
  return process.memoryUsage().heapUsed
}

const [which, count] = process.argv.slice(2)
const members = Number(count)
let keep: unknown
// Warm the code paths so compiled code is not counted as presence state.
if (which === 'kit') {
  const warm = createKitRoom()
  warm.sink.snapshot([{ userId: 'w', connectionId: 'w1', data: payload(1) }])
  warm.room.flush()
  warm.destroy()
}
const before = heap()
if (which === 'kit') {
  const { room, sink } = createKitRoom()
  sink.snapshot(
    Array.from({ length: members }, (_, i) => ({
      userId: userId(i),
      connectionId: connectionId(i),
      version: 1,
      data: payload(i),
    })),
  )
  room.flush()
  keep = room
} else {
  const input: PhoenixState = {}
  for (let i = 0; i < members; i++) input[userId(i)] = phoenixEntry(i)
  keep = Presence.syncState(
    {},
    input,
    () => {},
    () => {},
  )
}
const after = heap()
if (keep === undefined) throw new Error('nothing kept')
console.log(((after - before) / members).toFixed(1))
