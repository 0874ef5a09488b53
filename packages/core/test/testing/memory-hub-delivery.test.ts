import { describe, expect, it } from 'vitest'
import type { RoomSink } from '../../src/adapter.js'
import { createMemoryHub, type PendingMessage } from '../../src/testing/index.js'
import { presence, recordingSink } from './recording-sink.js'

describe('memory hub: delivery modes', () => {
  it('manual: holds every message until deliver(), in order, and deliver(n) takes n', () => {
    const hub = createMemoryHub({ delivery: 'manual' })
    const sink = recordingSink()
    hub.adapter({ connectionId: 'g1' }).openRoom({ room: 'r', user: { id: 'grace' }, sink })
    hub.addVirtual('r', { userId: 'ada', connectionId: 'a1' })
    hub.removeVirtual('r', 'a1')
    expect(sink.calls).toEqual([])
    expect(hub.pending().map((m) => [m.method, m.to, m.room])).toEqual([
      ['status', 'g1', 'r'],
      ['status', 'g1', 'r'],
      ['snapshot', 'g1', 'r'],
      ['join', 'g1', 'r'],
      ['leave', 'g1', 'r'],
    ])
    expect(hub.pending()[1]).toEqual({
      room: 'r',
      to: 'g1',
      method: 'status',
      payload: 'connected',
      detail: { connectionId: 'g1' },
    })
    expect(hub.deliver(2)).toBe(2)
    expect(sink.methods()).toEqual(['status', 'status'])
    expect(hub.stats().pending).toBe(3)
    expect(hub.deliver()).toBe(3)
    expect(sink.methods()).toEqual(['status', 'status', 'snapshot', 'join', 'leave'])
    expect(hub.pending()).toEqual([])
    expect(() => hub.deliver(-1)).toThrow(RangeError)
  })

  it('manual: reorder permutes, drops and repeats; duplicate copies one message', () => {
    const hub = createMemoryHub({ delivery: 'manual' })
    const sink = recordingSink()
    hub.adapter().openRoom({ room: 'r', user: { id: 'grace' }, sink })
    hub.deliver(2)
    hub.addVirtual('r', { userId: 'ada', connectionId: 'a1' })
    hub.updateVirtual('r', 'a1', { data: { n: 2 } })
    hub.removeVirtual('r', 'a1')
    // Pending: snapshot, join, update, leave. Diffs overtake the snapshot; the update is lost.
    hub.reorder(([snapshot, join, , leave]) => [join!, leave!, snapshot!])
    expect(hub.pending().map((m) => m.method)).toEqual(['join', 'leave', 'snapshot'])
    hub.duplicate(0)
    expect(hub.pending().map((m) => m.method)).toEqual(['join', 'join', 'leave', 'snapshot'])
    const [first, copy] = hub.pending()
    expect(copy).not.toBe(first)
    expect(copy).toEqual(first)
    expect(hub.deliver()).toBe(4)
    expect(sink.methods().slice(2)).toEqual(['join', 'join', 'leave', 'snapshot'])
    expect(sink.joins()[0]).toEqual(sink.joins()[1])
    expect(sink.joins()[0]).not.toBe(sink.joins()[1])
    expect(() => hub.duplicate(0)).toThrow(RangeError)
  })

  it('manual: reorder refuses messages that were not pending', () => {
    const hub = createMemoryHub({ delivery: 'manual' })
    hub.adapter().openRoom({ room: 'r', user: { id: 'grace' }, sink: recordingSink() })
    const forged: PendingMessage = { room: 'r', to: 'conn-1', method: 'join', payload: {} }
    expect(() => hub.reorder((messages) => [...messages, forged])).toThrow(TypeError)
    expect(hub.pending()).toHaveLength(3)
  })

  it('manual: messages for a sink that closed before delivery are dropped', () => {
    const hub = createMemoryHub({ delivery: 'manual' })
    const sink = recordingSink()
    const room = hub.adapter().openRoom({ room: 'r', user: { id: 'grace' }, sink })
    room.close()
    expect(hub.deliver()).toBe(3)
    expect(sink.calls).toEqual([])
    expect(hub.stats().dropped).toBe(3)
  })

  it('microtask: delivers everything together after the current task', async () => {
    const hub = createMemoryHub({ delivery: 'microtask' })
    const sink = recordingSink()
    const room = hub.adapter().openRoom({ room: 'r', user: { id: 'grace' }, sink })
    room.enter(presence({}))
    expect(sink.calls).toEqual([])
    await Promise.resolve()
    expect(sink.methods()).toEqual(['status', 'status', 'snapshot', 'join'])
  })

  it('sync: what a sink does while receiving is queued behind, so every sink sees the hub order', () => {
    const hub = createMemoryHub()
    const order: string[] = []
    const logger = (name: string, onJoin?: () => void): RoomSink => {
      const sink = recordingSink()
      return {
        ...sink,
        join(connection) {
          order.push(`${name}:join:${connection.userId}`)
          onJoin?.()
        },
        update(connection) {
          order.push(`${name}:update:${connection.userId}`)
        },
      }
    }
    let reacted = false
    const reactor = hub.adapter().openRoom({
      room: 'r',
      user: { id: 'reactor' },
      sink: logger('first', () => {
        if (reacted) return
        reacted = true
        reactor.enter(presence({}))
      }),
    })
    hub.adapter().openRoom({ room: 'r', user: { id: 'other' }, sink: logger('second') })
    hub.addVirtual('r', { userId: 'v' })
    expect(order).toEqual(['first:join:v', 'second:join:v', 'first:join:reactor', 'second:join:reactor'])
  })

  it('a throwing sink does not stop the others; the error goes to onSinkError', () => {
    const errors: unknown[] = []
    const hub = createMemoryHub({ onSinkError: (error, message) => errors.push([error, message.method]) })
    const failure = new Error('sink bug')
    hub.adapter().openRoom({
      room: 'r',
      user: { id: 'a' },
      sink: {
        ...recordingSink(),
        join() {
          throw failure
        },
      },
    })
    const healthy = recordingSink()
    hub.adapter().openRoom({ room: 'r', user: { id: 'b' }, sink: healthy })
    hub.addVirtual('r', { userId: 'v' })
    expect(errors).toEqual([[failure, 'join']])
    expect(healthy.joins()).toHaveLength(1)
  })

  it('rejects an unknown delivery mode', () => {
    // @ts-expect-error a wrong mode, as from untyped JavaScript
    expect(() => createMemoryHub({ delivery: 'later' })).toThrow(RangeError)
  })
})
