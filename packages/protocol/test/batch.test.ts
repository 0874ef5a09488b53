import { describe, expect, it } from 'vitest'
import { SERVER_EVENTS, WireError, readBatch, type BatchMessage } from '../src/index.js'

const connection = (id: string, version: number) => ({
  connectionId: id,
  userId: `user-${id}`,
  data: { n: version },
  version,
})

describe('readBatch', () => {
  it('names its event and reads every kind of change, in order', () => {
    expect(SERVER_EVENTS.batch).toBe('presence:batch')
    const message: BatchMessage = {
      room: 'lobby',
      changes: [
        { type: 'join', connection: connection('a', 1) },
        { type: 'update', connection: connection('b', 4) },
        { type: 'leave', connectionId: 'c', userId: 'user-c', version: 9 },
        { type: 'typing', connectionId: 'b', userId: 'user-b', typing: true, ttlMs: 6000 },
      ],
    }
    const batch = readBatch(message, 'lobby')
    expect(batch.error).toBeUndefined()
    expect(batch.changes).toEqual([
      { type: 'join', connection: connection('a', 1) },
      { type: 'update', connection: connection('b', 4) },
      { type: 'leave', leave: { connectionId: 'c', userId: 'user-c', version: 9 } },
      { type: 'typing', typing: { connectionId: 'b', userId: 'user-b', typing: true } },
    ])
  })

  it('throws a typed error for a frame that is not a batch', () => {
    for (const message of [null, 'x', [], { room: 'lobby' }, { room: 'lobby', changes: {} }]) {
      let thrown: unknown
      try {
        readBatch(message, 'lobby')
      } catch (error) {
        thrown = error
      }
      expect(thrown).toBeInstanceOf(WireError)
      expect((thrown as WireError).code).toBe('invalid-message')
      expect((thrown as WireError).room).toBe('lobby')
    }
  })

  it('leaves out only the malformed changes, keeps the rest in order and says how many', () => {
    const batch = readBatch(
      {
        room: 'lobby',
        changes: [
          { type: 'join', connection: connection('a', 1) },
          { type: 'join', connection: { connectionId: 7, userId: ['x'], data: 'nope' } },
          'not a change',
          { type: 'explode' },
          { type: 'leave', connectionId: 'c', userId: 'user-c' },
          { type: 'typing', connectionId: 'a', userId: 'user-a', typing: 'yes' },
          { type: 'leave', connectionId: 'a', userId: 'user-a', version: 2 },
        ],
      },
      'lobby',
    )
    expect(batch.changes).toEqual([
      { type: 'join', connection: connection('a', 1) },
      { type: 'leave', leave: { connectionId: 'a', userId: 'user-a', version: 2 } },
    ])
    expect(batch.error).toBeInstanceOf(WireError)
    expect(batch.error?.code).toBe('invalid-message')
    expect(batch.error?.room).toBe('lobby')
    expect(batch.error?.message).toMatch(/^5 of 7 changes in a batch were malformed/)
    expect(batch.error?.message).toContain('change 1:')
  })

  it('takes __proto__ as an ordinary key of presence data, never a prototype', () => {
    const data = JSON.parse('{"__proto__": {"polluted": true}}') as Record<string, unknown>
    const batch = readBatch(
      { room: 'lobby', changes: [{ type: 'join', connection: { ...connection('a', 1), data } }] },
      'lobby',
    )
    const [change] = batch.changes
    expect(change?.type === 'join' && Object.keys(change.connection.data)).toEqual(['__proto__'])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})
