import { describe, expect, it } from 'vitest'
import { MAX_ROOM_COUNT, SERVER_EVENTS, WireError, readCount, type CountMessage } from '../src/index.js'

function thrownBy(read: () => unknown): unknown {
  try {
    read()
  } catch (error) {
    return error
  }
  return undefined
}

describe('readCount', () => {
  it('names its event and reads the count of a well-formed frame', () => {
    expect(SERVER_EVENTS.count).toBe('presence:count')
    const message: CountMessage = { room: 'stage', count: 4812 }
    expect(readCount(message, 'stage')).toBe(4812)
    expect(readCount({ room: 'stage', count: 0 }, 'stage')).toBe(0)
    expect(readCount({ room: 'stage', count: MAX_ROOM_COUNT }, 'stage')).toBe(MAX_ROOM_COUNT)
  })

  it('throws a typed error naming the room for anything but a whole count in range', () => {
    const bad: unknown[] = [
      null,
      'stage',
      [],
      { room: 'stage' },
      { room: 'stage', count: '12' },
      { room: 'stage', count: -1 },
      { room: 'stage', count: 1.5 },
      { room: 'stage', count: Number.NaN },
      { room: 'stage', count: Number.POSITIVE_INFINITY },
      { room: 'stage', count: MAX_ROOM_COUNT + 1 },
      { room: 'stage', count: null },
    ]
    for (const message of bad) {
      const thrown = thrownBy(() => readCount(message, 'stage'))
      expect(thrown, JSON.stringify(message)).toBeInstanceOf(WireError)
      expect((thrown as WireError).code).toBe('invalid-message')
      expect((thrown as WireError).room).toBe('stage')
    }
  })
})
