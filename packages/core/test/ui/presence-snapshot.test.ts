import { describe, expect, it } from 'vitest'
import { emptyRoomState, getPresenceSnapshot } from '../../src/ui/index.js'
import type { RoomState } from '../../src/types.js'
import { makeMember } from './make-member.js'

describe('getPresenceSnapshot', () => {
  const me = makeMember('me', { isSelf: true })
  const ada = makeMember('ada')

  it('reads the roster only when `members` or `others` is read, and keeps what it read', () => {
    let reads = 0
    const state: RoomState = {
      ...emptyRoomState(),
      get members() {
        reads++
        return [me, ada]
      },
      count: 2,
      self: me,
    }
    const snapshot = getPresenceSnapshot(state)
    expect(getPresenceSnapshot(state)).toBe(snapshot)
    expect(snapshot.count).toBe(2)
    expect(snapshot.self).toBe(me)
    expect(reads).toBe(0)
    expect(snapshot.members.map((m) => m.userId)).toEqual(['me', 'ada'])
    expect(snapshot.others.map((m) => m.userId)).toEqual(['ada'])
    expect(reads).toBeGreaterThan(0)
  })
})
