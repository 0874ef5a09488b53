import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPresenceClient } from '../../src/client.js'
import { PresenceError } from '../../src/errors.js'
import { conn, connectAndSync, setupRoom, useFakeClock } from '../fixtures/setup.js'

beforeEach(() => useFakeClock())
afterEach(() => vi.useRealTimers())

class Gadget {
  name = 'not json'
}

const malformed: [string, unknown][] = [
  ['a string instead of a connection', 'ada'],
  ['null', null],
  ['a missing userId', { connectionId: 'x1', data: {} }],
  ['an empty connectionId', { userId: 'x', connectionId: '', data: {} }],
  ['a numeric userId', { userId: 42, connectionId: 'x1' }],
  ['a non-finite version', { userId: 'x', connectionId: 'x1', version: Number.NaN }],
  ['data that is an array', { userId: 'x', connectionId: 'x1', data: [1, 2] }],
  ['data holding a function', { userId: 'x', connectionId: 'x1', data: { f: () => 1 } }],
  ['data holding Infinity', { userId: 'x', connectionId: 'x1', data: { n: Infinity } }],
  ['data that is a class instance', { userId: 'x', connectionId: 'x1', data: new Gadget() }],
  ['data holding a Date', { userId: 'x', connectionId: 'x1', data: { at: new Date(0) } }],
  ['oversized data', { userId: 'x', connectionId: 'x1', data: { blob: 'x'.repeat(20_000) } }],
  ['activity of the wrong shape', { userId: 'x', connectionId: 'x1', activity: { inactiveMs: -1 } }],
  ['a profile that is a string', { userId: 'x', connectionId: 'x1', profile: 'Ada' }],
  ['an id longer than 512 characters', { userId: 'u'.repeat(600), connectionId: 'x1' }],
]

describe('rule 11: bad input never throws and never corrupts state', () => {
  for (const [label, input] of malformed) {
    it(`rejects ${label} with an error event, state unchanged`, () => {
      const { room, sink, takeEvents } = setupRoom()
      room.watch()
      connectAndSync(sink(), [conn('ada', 'a1')])
      const before = room.get().members
      takeEvents()
      expect(() => sink().join(input as never)).not.toThrow()
      expect(() => sink().update(input as never)).not.toThrow()
      const events = takeEvents()
      expect(events.map((e) => e.type)).toEqual(['error', 'error'])
      const error = events[0]?.type === 'error' ? events[0].error : undefined
      expect(error).toBeInstanceOf(PresenceError)
      expect(['invalid-input', 'invalid-data', 'data-too-large']).toContain(error?.code)
      expect(room.get().members).toBe(before)
      expect(room.get().lastError).toBe(events[1]?.type === 'error' ? events[1].error : undefined)
    })
  }

  const oversized: [string, Record<string, unknown>][] = [
    ['one long string', { blob: 'x'.repeat(300) }],
    ['many short strings', Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, 'abcd']))],
    ['a long string in a nested object', { profile: { bio: 'x'.repeat(300) } }],
    ['long strings in an array', { tags: ['x'.repeat(150), 'y'.repeat(150)] }],
    ['long keys', { ['k'.repeat(300)]: 1 }],
  ]
  for (const [label, data] of oversized) {
    it(`reports data over maxDataBytes as data-too-large: ${label}`, () => {
      const { room, sink, takeEvents } = setupRoom({ maxDataBytes: 256 })
      room.watch()
      connectAndSync(sink())
      takeEvents()
      sink().join({ userId: 'x', connectionId: 'x1', data: data as never })
      const [event] = takeEvents()
      expect(event?.type === 'error' && event.error.code).toBe('data-too-large')
      expect(room.isUserPresent('x')).toBe(false)
      sink().join({ userId: 'x', connectionId: 'x1', data: { fits: 'x'.repeat(200) } })
      expect(room.isUserPresent('x')).toBe(true)
    })
  }

  it('rejects a malformed snapshot entry but keeps the valid ones', () => {
    const { room, sink, takeEvents } = setupRoom()
    room.watch()
    sink().status('connected', { connectionId: 'me-1' })
    sink().snapshot([conn('ada', 'a1'), { userId: 7 }, conn('grace', 'g1')] as never)
    expect(room.get().members.map((m) => m.userId)).toEqual(['ada', 'grace'])
    expect(takeEvents().filter((e) => e.type === 'error')).toHaveLength(1)
  })

  it('rejects a snapshot that is not an array, and bad leaves, typing and statuses', () => {
    const { room, sink, takeEvents } = setupRoom()
    room.watch()
    connectAndSync(sink(), [conn('ada', 'a1')])
    takeEvents()
    sink().snapshot({ ada: {} } as never)
    sink().leave({ connectionId: 'a1' } as never)
    sink().typing({ userId: 'ada', typing: 'yes' } as never)
    sink().status('exploded' as never)
    expect(takeEvents().map((e) => e.type)).toEqual(['error', 'error', 'error', 'error'])
    expect(room.isUserPresent('ada')).toBe(true)
    expect(room.get().status).toBe('connected')
  })

  it('rejects a local connectionId that is not an id, as wire ids are, and keeps the status', () => {
    const { room, sink, takeEvents } = setupRoom()
    room.watch()
    connectAndSync(sink(), [conn('ada', 'a1')])
    takeEvents()
    for (const connectionId of ['', 42, 'x'.repeat(600)]) {
      sink().status('connected', { connectionId } as never)
    }
    const errors = takeEvents().flatMap((e) => (e.type === 'error' ? [e.error] : []))
    expect(errors.map((error) => [error.code, error.message])).toEqual(
      Array.from({ length: 3 }, () => [
        'invalid-input',
        'connectionId must be a non-empty string of at most 512 characters.',
      ]),
    )
    expect(room.get().status).toBe('connected')
    expect(room.isUserPresent('ada')).toBe(true)
  })

  it('keeps __proto__ and constructor keys as ordinary data, polluting nothing', () => {
    const { room, sink } = setupRoom()
    room.watch()
    connectAndSync(sink())
    const data = JSON.parse(
      '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}, "name": "m"}',
    )
    sink().join({ userId: '__proto__', connectionId: 'constructor', data })
    const member = room.get('__proto__')
    expect(member?.userId).toBe('__proto__')
    expect(Object.prototype.hasOwnProperty.call(member?.data, '__proto__')).toBe(true)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.getPrototypeOf(member?.data)).toBe(Object.prototype)
    expect(room.get().members).toHaveLength(1)
  })

  it('an adapter reporting an error gets it as an error event', () => {
    const { room, sink, takeEvents } = setupRoom()
    room.watch()
    connectAndSync(sink())
    takeEvents()
    sink().error(new Error('socket closed by server'))
    const [event] = takeEvents()
    expect(event?.type).toBe('error')
    expect(event?.type === 'error' && event.error.code).toBe('adapter-error')
    expect(event?.type === 'error' && event.error.message).toBe('socket closed by server')
  })

  it('invalid local data is reported, not sent, and the previous data stays', () => {
    const { room, sink, adapter, takeEvents } = setupRoom()
    room.join({ mood: 'ok' })
    connectAndSync(sink())
    takeEvents()
    room.update({ bad: () => 1 } as never)
    room.update(() => {
      throw new Error('updater broke')
    })
    expect(takeEvents().map((e) => (e.type === 'error' ? e.error.code : e.type))).toEqual([
      'invalid-data',
      'invalid-data',
    ])
    expect(room.get().self?.data).toEqual({ mood: 'ok' })
    expect(adapter.callsOf('update')).toHaveLength(0)
  })

  it('local data is copied: the caller can keep mutating its object', () => {
    const { room, sink } = setupRoom()
    const mine = { mood: 'ok', optional: undefined }
    // Plain JavaScript callers pass optional fields as undefined; JSON leaves them out.
    room.join(mine as never)
    connectAndSync(sink())
    mine.mood = 'changed'
    expect(room.get().self?.data).toEqual({ mood: 'ok' })
  })
})

describe('an adapter that fails', () => {
  it('is reported, not thrown, when it cannot open a room', () => {
    const { client } = setupRoom()
    const broken = createPresenceClient({
      adapter: {
        name: 'broken',
        openRoom() {
          throw new Error('backend unreachable')
        },
      },
      user: { id: 'me' },
      batch: 'sync',
    })
    const room = broken.room('lobby')
    expect(() => room.join({ mood: 'hi' })).not.toThrow()
    expect(room.get().status).toBe('failed')
    expect(room.get().lastError?.message).toBe('backend unreachable')
    expect(() => room.update({ mood: 'still here' })).not.toThrow()
    broken.destroy()
    client.destroy()
  })
})
