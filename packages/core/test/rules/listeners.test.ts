import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { conn, connectAndSync, setupRoom, useFakeClock } from '../fixtures/setup.js'

beforeEach(() => useFakeClock())
afterEach(() => vi.useRealTimers())

describe('rule 10: listeners', () => {
  it('commits state before emitting, so a listener reads the state its event describes', () => {
    const { room, sink } = setupRoom()
    room.watch()
    connectAndSync(sink())
    const seen: boolean[] = []
    room.on('join', (e) =>
      seen.push(room.isUserPresent(e.member.userId) && room.get().members.includes(e.member)),
    )
    sink().join(conn('ada', 'a1'))
    expect(seen).toEqual([true])
  })

  it('a throwing listener does not stop the others, and is reported', () => {
    const onListenerError = vi.fn()
    const { room, sink } = setupRoom({ onListenerError })
    room.watch()
    connectAndSync(sink())
    const calls: string[] = []
    room.on('join', () => {
      calls.push('first')
      throw new Error('boom')
    })
    room.on('join', () => calls.push('second'))
    sink().join(conn('ada', 'a1'))
    expect(calls).toEqual(['first', 'second'])
    expect(onListenerError).toHaveBeenCalledOnce()
    expect(room.isUserPresent('ada')).toBe(true)
  })

  it('payloads cannot be used to change stored state', () => {
    const { room, sink } = setupRoom()
    room.watch()
    connectAndSync(sink())
    room.on('join', (e) => {
      expect(() => {
        ;(e.member as { userId: string }).userId = 'mallory'
      }).toThrow(TypeError)
      expect(() => {
        ;(e.member.data as Record<string, unknown>).name = 'mallory'
      }).toThrow(TypeError)
    })
    sink().join(conn('ada', 'a1'))
    expect(room.get('ada')?.data).toEqual({ name: 'ada' })
  })

  it('on with several events, off, unsubscribe and clearListeners', () => {
    const { room, sink } = setupRoom({ leaveGraceMs: 0 })
    room.watch()
    connectAndSync(sink())
    const log: string[] = []
    const handler = (e: { type: string }) => log.push(e.type)
    const unsubscribe = room.on(['join', 'leave'], handler)
    sink().join(conn('ada', 'a1'))
    sink().leave({ userId: 'ada', connectionId: 'a1' })
    unsubscribe()
    sink().join(conn('grace', 'g1'))
    room.on('leave', handler)
    room.off('leave', handler)
    sink().leave({ userId: 'grace', connectionId: 'g1' })
    room.on('join', handler)
    room.clearListeners('join')
    sink().join(conn('linus', 'l1'))
    expect(log).toEqual(['join', 'leave'])
  })

  it('a listener removed by an earlier listener of the same emit still runs once; none twice', () => {
    const { room, sink } = setupRoom()
    room.watch()
    connectAndSync(sink())
    const calls: string[] = []
    const second = () => calls.push('second')
    room.on('join', () => {
      calls.push('first')
      room.off('join', second)
    })
    room.on('join', second)
    sink().join(conn('ada', 'a1'))
    sink().join(conn('grace', 'g1'))
    expect(calls).toEqual(['first', 'second', 'first'])
  })

  it('one change event per commit carries the whole batch in order', () => {
    const { room, sink } = setupRoom({ batch: 'frame' })
    room.watch()
    sink().status('connected', { connectionId: 'me-1' })
    sink().snapshot([])
    room.flush()
    const changes: string[][] = []
    room.on('change', (e) => changes.push(e.events.map((x) => x.type)))
    sink().join(conn('ada', 'a1'))
    sink().update(conn('ada', 'a1', { data: { x: 1 } }))
    sink().join(conn('grace', 'g1'))
    room.flush()
    expect(changes).toEqual([['join', 'update', 'join']])
  })
})
