import { describe, expect, it } from 'vitest'
import { conn, connectAndSync, setupRoom } from '../fixtures/setup.js'

// A committed state is a snapshot: whatever happens after, and whenever its members are first read,
// they are the members of that commit (the chunked roster builds them only when read).
describe('committed states', () => {
  it('keep their own members however late they are first read', () => {
    const { room, sink } = setupRoom({ leaveGraceMs: 0 })
    room.watch()
    const users = Array.from({ length: 1_200 }, (_, i) => conn(`u${i}`, `c${i}`, { version: 1 }))
    connectAndSync(sink(), users)
    const first = room.get()
    // Changes that land in several chunks: updates, leaves, and a user who leaves and comes back.
    sink().join(conn('u5', 'c5', { version: 2, data: { name: 'five' } }))
    sink().leave({ userId: 'u700', connectionId: 'c700' })
    sink().join(conn('u1199', 'c1199', { version: 2, data: { name: 'last' } }))
    sink().leave({ userId: 'u3', connectionId: 'c3' })
    sink().join(conn('u3', 'c3b', { version: 1 }))
    const second = room.get()
    for (let i = 0; i < 900; i++) sink().leave({ userId: `u${i}`, connectionId: `c${i}` })
    const third = room.get()

    // u3 is back on another connection, so the leave of its first one changes nothing.
    expect(third.members.map((m) => m.userId)).toEqual([
      ...Array.from({ length: 300 }, (_, i) => `u${i + 900}`),
      'u3',
    ])
    expect(first.members.map((m) => m.userId)).toEqual(users.map((u) => u.userId))
    expect(first.members[5]!.data).toEqual({ name: 'u5' })
    const secondIds = second.members.map((m) => m.userId)
    expect(secondIds).toHaveLength(1_199)
    expect(secondIds.at(-1)).toBe('u3')
    expect(secondIds).not.toContain('u700')
    expect(second.members[4]!.data).toEqual({ name: 'five' })
    expect(second.members.find((m) => m.userId === 'u1199')!.data).toEqual({ name: 'last' })
    expect(first.count).toBe(1_200)
    expect(second.count).toBe(1_199)
    expect(third.count).toBe(301)
    expect(Object.isFrozen(first.members)).toBe(true)
    expect(first.members).toBe(first.members)
  })
})
