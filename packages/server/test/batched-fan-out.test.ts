import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { BatchedFanOut } from '../src/batched-fan-out.js'
import type { BatchChange, BatchMessage, WireConnection } from '../src/protocol.js'

const connection = (id: string, version: number, data = {}): WireConnection => ({
  connectionId: id,
  userId: `user-${id}`,
  data,
  version,
})
const join = (id: string, version: number, data = {}): BatchChange => ({
  type: 'join',
  connection: connection(id, version, data),
})
const update = (id: string, version: number, data = {}): BatchChange => ({
  type: 'update',
  connection: connection(id, version, data),
})
const leave = (id: string, version: number): BatchChange => ({
  type: 'leave',
  connectionId: id,
  userId: `user-${id}`,
  version,
})
const typing = (id: string, on: boolean): BatchChange => ({
  type: 'typing',
  connectionId: id,
  userId: `user-${id}`,
  typing: on,
  ttlMs: 6000,
})

let frames: BatchMessage[]
let fanOut: BatchedFanOut

beforeEach(() => {
  vi.useFakeTimers()
  frames = []
  fanOut = new BatchedFanOut(50, (message) => frames.push(message))
})
afterEach(() => {
  fanOut.stop()
  vi.useRealTimers()
})

describe('the batched fan-out', () => {
  it('sends the first change after a quiet window at once, and the rest of the window together at its end', () => {
    fanOut.push('lobby', join('a', 1))
    expect(frames).toEqual([{ room: 'lobby', changes: [join('a', 1)] }])
    fanOut.push('lobby', join('b', 2))
    fanOut.push('lobby', join('c', 3))
    vi.advanceTimersByTime(49)
    expect(frames).toHaveLength(1)
    vi.advanceTimersByTime(1)
    expect(frames).toEqual([
      { room: 'lobby', changes: [join('a', 1)] },
      { room: 'lobby', changes: [join('b', 2), join('c', 3)] },
    ])
    // A window without changes ends the batching: the next change goes out at once again.
    vi.advanceTimersByTime(50)
    fanOut.push('lobby', update('a', 4))
    expect(frames.at(-1)).toEqual({ room: 'lobby', changes: [update('a', 4)] })
    expect(frames).toHaveLength(3)
  })

  it('keeps each connection once, with its latest change, where its last change happened', () => {
    fanOut.push('lobby', join('x', 1))
    fanOut.push('lobby', join('a', 2, { n: 1 }))
    fanOut.push('lobby', join('b', 3))
    fanOut.push('lobby', update('a', 4, { n: 2 }))
    fanOut.push('lobby', update('b', 5))
    fanOut.push('lobby', leave('b', 6))
    fanOut.push('lobby', update('x', 7, { n: 3 }))
    vi.advanceTimersByTime(50)
    expect(frames[1]?.changes).toEqual([
      // a joined in this window: a receiver that never saw it gets one join with the latest data.
      join('a', 4, { n: 2 }),
      // b joined and left: only the leave, which a receiver that saw neither ignores.
      leave('b', 6),
      // x joined in the window before: its update stays an update.
      update('x', 7, { n: 3 }),
    ])
  })

  it('sends typing after the presence changes, drops the typing of a connection that left, keeps the last signal', () => {
    fanOut.push('lobby', join('a', 1))
    fanOut.push('lobby', typing('a', true))
    fanOut.push('lobby', join('b', 2))
    fanOut.push('lobby', typing('b', true))
    fanOut.push('lobby', typing('a', false))
    fanOut.push('lobby', typing('c', true))
    fanOut.push('lobby', leave('c', 3))
    vi.advanceTimersByTime(50)
    expect(frames[1]?.changes).toEqual([join('b', 2), leave('c', 3), typing('b', true), typing('a', false)])
  })

  it('batches each room on its own, and forgets a dropped room', () => {
    fanOut.push('one', join('a', 1))
    fanOut.push('two', join('b', 2))
    fanOut.push('one', join('c', 3))
    fanOut.push('two', join('d', 4))
    fanOut.drop('two')
    vi.advanceTimersByTime(100)
    expect(frames).toEqual([
      { room: 'one', changes: [join('a', 1)] },
      { room: 'two', changes: [join('b', 2)] },
      { room: 'one', changes: [join('c', 3)] },
    ])
    fanOut.push('two', join('e', 5))
    expect(frames.at(-1)).toEqual({ room: 'two', changes: [join('e', 5)] })
  })

  it('sends nothing pending once stopped', () => {
    fanOut.push('lobby', join('a', 1))
    fanOut.push('lobby', join('b', 2))
    fanOut.stop()
    vi.advanceTimersByTime(200)
    expect(frames).toHaveLength(1)
  })

  it('sends at most one frame a window however many connections change', () => {
    for (let index = 0; index < 1000; index++) {
      fanOut.push('lobby', join(`c${index}`, index + 1))
      if (index % 10 === 9) vi.advanceTimersByTime(1)
    }
    vi.advanceTimersByTime(50)
    // 100 ms of changes: the leading frame, one at 50 ms and one at 100 ms.
    expect(frames.length).toBeLessThanOrEqual(3)
    expect(frames.flatMap((frame) => frame.changes)).toHaveLength(1000)
  })
})
