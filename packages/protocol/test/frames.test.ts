import { describe, expect, it } from 'vitest'
import {
  ERROR_CODES,
  WireError,
  isErrorCode,
  isJsonValue,
  isPlainObject,
  jsonBytes,
  readActivity,
  readBody,
  readConnection,
  readData,
  readLeave,
  readRoom,
  readServerError,
  readSnapshot,
  readTyping,
  roomOf,
  utf8Length,
} from '../src/index.js'

function codeOf(run: () => unknown): string | undefined {
  try {
    run()
  } catch (error) {
    return error instanceof WireError ? error.code : 'not a WireError'
  }
  return undefined
}

describe('guards', () => {
  it('takes only plain objects as objects', () => {
    expect(isPlainObject({})).toBe(true)
    expect(isPlainObject(Object.create(null))).toBe(true)
    for (const value of [null, [], new Date(), 'x', 1, () => undefined, new Map()]) {
      expect(isPlainObject(value)).toBe(false)
    }
  })

  it('takes plain JSON within a depth, nothing else', () => {
    expect(isJsonValue({ a: [1, 'x', null, { b: true }] }, 16)).toBe(true)
    expect(isJsonValue({ a: Number.NaN }, 16)).toBe(false)
    expect(isJsonValue({ a: new Uint8Array(2) }, 16)).toBe(false)
    let deep: unknown = {}
    for (let level = 0; level < 20; level++) deep = { deep }
    expect(isJsonValue(deep, 16)).toBe(false)
  })

  it('counts UTF-8 bytes as an encoder does, without encoding', () => {
    const encoder = new TextEncoder()
    for (const text of [
      '',
      'ascii',
      'é',
      '€uro',
      '😀 smile',
      'a\u0800b',
      'lone \ud800 high',
      'lone \udc00 low',
    ]) {
      expect(utf8Length(text)).toBe(encoder.encode(text).length)
    }
    expect(jsonBytes({ name: 'Zoë' })).toBe(encoder.encode('{"name":"Zoë"}').length)
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    expect(jsonBytes(cyclic)).toBeUndefined()
  })

  it('knows every error code and nothing else', () => {
    for (const code of ERROR_CODES) expect(isErrorCode(code)).toBe(true)
    expect(isErrorCode('made-up')).toBe(false)
  })
})

describe('client frames, as the server reads them', () => {
  it('answers each wrong shape with its code', () => {
    expect(codeOf(() => readBody('text'))).toBe('invalid-message')
    expect(codeOf(() => readBody([]))).toBe('invalid-message')
    expect(codeOf(() => readRoom({ room: '' }, 10))).toBe('invalid-message')
    expect(codeOf(() => readRoom({ room: 'x'.repeat(11) }, 10))).toBe('invalid-message')
    expect(codeOf(() => readData({ data: [1] }, 100))).toBe('invalid-message')
    expect(codeOf(() => readData({ data: { text: 'x'.repeat(200) } }, 100))).toBe('data-too-large')
    expect(codeOf(() => readActivity({ activity: { inactiveMs: -1, hidden: false, away: false } }))).toBe(
      'invalid-message',
    )
  })

  it('passes well-formed frames through', () => {
    expect(readRoom({ room: 'lobby' }, 10)).toBe('lobby')
    expect(readData({}, 100)).toEqual({})
    expect(readActivity({ activity: { inactiveMs: 5, hidden: true, away: false } })).toEqual({
      inactiveMs: 5,
      hidden: true,
      away: false,
    })
    expect(readActivity({})).toBeUndefined()
  })
})

describe('server frames, as a client reads them', () => {
  const connection = { connectionId: 'c1', userId: 'ada', data: { n: 1 }, version: 3 }

  it('reads snapshots, joins, leaves, typing and errors', () => {
    expect(roomOf({ room: 'lobby' })).toBe('lobby')
    expect(readSnapshot({ room: 'lobby', connections: [connection] }, 'lobby')).toEqual([connection])
    expect(readConnection({ ...connection, profile: { name: 'Ada', extra: 1 } }, 'lobby')).toEqual({
      ...connection,
      profile: { name: 'Ada' },
    })
    expect(readLeave({ connectionId: 'c1', userId: 'ada', version: 4 }, 'lobby')).toEqual({
      connectionId: 'c1',
      userId: 'ada',
      version: 4,
    })
    expect(readTyping({ connectionId: 'c1', userId: 'ada', typing: true }, 'lobby')).toEqual({
      connectionId: 'c1',
      userId: 'ada',
      typing: true,
    })
    expect(readServerError({ code: 'forbidden', message: 'no', room: 'lobby' })).toEqual({
      code: 'forbidden',
      message: 'no',
      room: 'lobby',
    })
  })

  it('refuses malformed frames with a WireError naming the room', () => {
    const bad: Array<() => unknown> = [
      () => readSnapshot({ connections: 'none' }, 'lobby'),
      () => readConnection({ ...connection, version: Number.NaN }, 'lobby'),
      () => readConnection({ ...connection, userId: '' }, 'lobby'),
      () => readConnection({ ...connection, data: [] }, 'lobby'),
      () => readConnection({ ...connection, activity: { inactiveMs: 1 } }, 'lobby'),
      () => readLeave({ connectionId: 'c1', version: 1 }, 'lobby'),
      () => readTyping({ connectionId: 'c1', userId: 'ada', typing: 'yes' }, 'lobby'),
    ]
    for (const run of bad) {
      expect(() => run()).toThrow(WireError)
      try {
        run()
      } catch (error) {
        expect((error as WireError).room).toBe('lobby')
      }
    }
    expect(codeOf(() => roomOf({}))).toBe('invalid-message')
    expect(codeOf(() => readServerError({ message: 'no code' }))).toBe('invalid-message')
  })
})
