import { describe, expect, it } from 'vitest'
import type { ConnectionInput } from '../../src/adapter.js'
import { createMemoryHub } from '../../src/testing/index.js'
import { recordingSink } from './recording-sink.js'

describe('memory hub: virtual connections', () => {
  it('join, update, typing and leave reach every watcher like a client would', () => {
    const hub = createMemoryHub()
    const sink = recordingSink()
    hub.adapter().openRoom({ room: 'r', user: { id: 'w' }, sink })
    const activity = { inactiveMs: 90_000, hidden: false, away: false }
    const id = hub.addVirtual('r', { userId: 'ada', data: { a: 1 }, profile: { name: 'Ada' } })
    expect(id).toBe('virtual-1')
    hub.updateVirtual('r', id, { activity })
    hub.typingVirtual('r', id, true)
    expect(hub.removeVirtual('r', id)).toBe(true)
    expect(hub.removeVirtual('r', id)).toBe(false)
    expect(sink.methods().slice(3)).toEqual(['join', 'update', 'typing', 'leave'])
    expect(sink.updates()[0]).toEqual({
      connectionId: id,
      userId: 'ada',
      data: { a: 1 },
      activity,
      profile: { name: 'Ada' },
      version: 2,
    })
    expect(sink.typings()).toEqual([{ userId: 'ada', connectionId: id, typing: true }])
    expect(sink.leaves()).toEqual([{ connectionId: id, userId: 'ada', version: 3 }])
  })

  it('lists connections with their source, and refuses ids in use or unknown', () => {
    const hub = createMemoryHub()
    hub
      .adapter({ connectionId: 'c1' })
      .openRoom({ room: 'r', user: { id: 'u' }, sink: recordingSink() })
      .enter({ data: {}, activity: { inactiveMs: 0, hidden: false, away: false } })
    hub.addVirtual('r', { userId: 'v', connectionId: 'v1' })
    expect(hub.connections('r').map((c) => [c.connectionId, c.virtual])).toEqual([
      ['c1', false],
      ['v1', true],
    ])
    expect(() => hub.addVirtual('r', { userId: 'v', connectionId: 'v1' })).toThrow(/in use/)
    expect(() => hub.addVirtual('elsewhere', { userId: 'v', connectionId: 'c1' })).toThrow(/in use/)
    expect(hub.rooms()).toEqual(['r'])
    expect(() => hub.updateVirtual('r', 'c1', { data: {} })).toThrow(/no virtual connection/)
    expect(() => hub.typingVirtual('r', 'nope', true)).toThrow(/no virtual connection/)
    expect(hub.removeVirtual('r', 'c1')).toBe(false)
    expect(hub.removeVirtual('nowhere', 'v1')).toBe(false)
  })

  it('copies every connection of a snapshot for each receiver: nothing a receiver changes reaches the hub or another', () => {
    const hub = createMemoryHub({ delivery: 'manual' })
    const data = { tags: ['a'] }
    const activity = { inactiveMs: 5, hidden: false, away: false }
    const profile = { name: 'Ada', avatarUrl: 'https://x/a.png' }
    hub.addVirtual('r', { userId: 'ada', connectionId: 'a1', data, activity, profile })
    data.tags.push('sender')
    const first = recordingSink()
    const second = recordingSink()
    hub.adapter().openRoom({ room: 'r', user: { id: 'w1' }, sink: first })
    hub.adapter().openRoom({ room: 'r', user: { id: 'w2' }, sink: second })
    const queued = hub.pending().filter((message) => message.method === 'snapshot')
    expect(queued.map((message) => message.payload)).toEqual([
      [{ connectionId: 'a1', userId: 'ada', data: { tags: ['a'] }, activity, profile, version: 1 }],
      [{ connectionId: 'a1', userId: 'ada', data: { tags: ['a'] }, activity, profile, version: 1 }],
    ])
    hub.deliver()
    const [[mine]] = first.snapshots() as [[ConnectionInput]]
    const [[theirs]] = second.snapshots() as [[ConnectionInput]]
    const [[shown]] = queued.map((message) => message.payload) as [[ConnectionInput]]
    expect(mine).toEqual(shown)
    for (const key of ['data', 'activity', 'profile'] as const) {
      expect(mine[key]).not.toBe(theirs[key])
      expect(mine[key]).not.toBe(shown[key])
    }
    expect(mine.data!['tags']).not.toBe(theirs.data!['tags'])
    ;(mine.data!['tags'] as string[]).push('receiver')
    ;(mine.activity as { inactiveMs: number }).inactiveMs = 99
    ;(mine.profile as { name: string }).name = 'Changed'
    expect(theirs).toEqual({
      connectionId: 'a1',
      userId: 'ada',
      data: { tags: ['a'] },
      activity,
      profile,
      version: 1,
    })
    expect(hub.connections('r')[0]).toMatchObject({ data: { tags: ['a'] }, activity, profile })
  })

  it('holds 100,000 in one room and sends them in one snapshot to a client that opens', () => {
    const hub = createMemoryHub()
    for (let i = 0; i < 100_000; i++) hub.addVirtual('big', { userId: `u${i % 60_000}`, data: { i } })
    expect(hub.connectionCount('big')).toBe(100_000)
    expect(hub.rooms()).toEqual(['big'])

    const sink = recordingSink()
    hub.adapter().openRoom({ room: 'big', user: { id: 'late' }, sink })
    const [snapshot] = sink.snapshots()
    expect(snapshot).toHaveLength(100_000)
    expect(new Set(snapshot!.map((c) => c.userId)).size).toBe(60_000)
    expect(snapshot!.at(-1)).toMatchObject({ connectionId: 'virtual-100000', data: { i: 99_999 } })

    for (let i = 1; i <= 50_000; i++) hub.removeVirtual('big', `virtual-${i}`)
    expect(hub.connectionCount('big')).toBe(50_000)
    expect(sink.leaves()).toHaveLength(50_000)
    expect(hub.stats().delivered.leave).toBe(50_000)
  })
})
