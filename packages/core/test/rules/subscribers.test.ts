import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { BatchOption } from '../../src/batch.js'
import { conn, connectAndSync, setupRoom, useFakeClock } from '../fixtures/setup.js'

beforeEach(() => useFakeClock())
afterEach(() => vi.useRealTimers())

// Rule 10 holds for `room.store.subscribe` as for `room.on`: a subscriber that throws cannot stop
// the others, lose the commit's events, or throw into the adapter's call or the batching timer.
describe.each<[string, BatchOption, () => void]>([
  ['batch: sync', 'sync', () => {}],
  // Default batching commits from a timer here (no animation frames in Node).
  ['default frame batching', 'frame', () => vi.advanceTimersByTime(100)],
])('rule 10: store subscribers, %s', (_mode, batch, nextBatch) => {
  function setup() {
    const onListenerError = vi.fn()
    const env = setupRoom({ batch, onListenerError })
    env.room.watch()
    connectAndSync(env.sink())
    nextBatch()
    env.takeEvents()
    return { ...env, onListenerError }
  }

  it('a throwing subscriber does not stop the others, nor the events of the commit', () => {
    const { room, sink, eventTypes, onListenerError } = setup()
    const boom = new Error('subscriber boom')
    const seen: string[] = []
    room.store.subscribe(() => {
      seen.push('first')
      throw boom
    })
    room.store.subscribe((state) => seen.push(`second:${state.count}`))
    const changes: string[][] = []
    room.on('change', (e) => changes.push(e.events.map((event) => event.type)))

    expect(() => sink().join(conn('ada', 'a1'))).not.toThrow()
    expect(() => nextBatch()).not.toThrow()

    expect(seen).toEqual(['first', 'second:1'])
    expect(room.isUserPresent('ada')).toBe(true)
    expect(changes).toEqual([['join']])
    expect(eventTypes()).toEqual(['join:ada', 'error'])
    expect(onListenerError).toHaveBeenCalledExactlyOnceWith(boom)
  })

  it('reports the error as a listener-error event, leaving lastError to the adapter', () => {
    const { room, sink, events, onListenerError } = setup()
    const boom = new Error('subscriber boom')
    room.store.subscribe(() => {
      throw boom
    })
    sink().join(conn('ada', 'a1'))
    nextBatch()
    const errors = events.flatMap((e) => (e.type === 'error' ? [e.error] : []))
    expect(errors).toHaveLength(1)
    expect(errors[0]!.code).toBe('listener-error')
    expect(errors[0]!.cause).toBe(boom)
    expect(room.get().lastError).toBeUndefined()
    // No commit of its own: the next input still commits once, and nothing loops.
    sink().join(conn('grace', 'g1'))
    nextBatch()
    expect(onListenerError).toHaveBeenCalledTimes(2)
    expect(room.get().count).toBe(2)
  })

  it('an error listener that throws too is only passed to onListenerError', () => {
    const { room, sink, onListenerError } = setup()
    room.store.subscribe(() => {
      throw new Error('subscriber boom')
    })
    room.on('error', () => {
      throw new Error('error listener boom')
    })
    expect(() => {
      sink().join(conn('ada', 'a1'))
      nextBatch()
    }).not.toThrow()
    expect(onListenerError.mock.calls.map(([e]) => (e as Error).message)).toEqual([
      'subscriber boom',
      'error listener boom',
    ])
    expect(room.isUserPresent('ada')).toBe(true)
  })
})
