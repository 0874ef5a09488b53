import { describe, expect, it } from 'vitest'
import { createMemoryHub } from '../../src/testing/index.js'
import { activeNow, presence, recordingSink, versionsOf } from './recording-sink.js'

describe('memory hub: one room, several clients', () => {
  it('opens with connecting, connected and a snapshot of everyone entered, virtual connections included', () => {
    const hub = createMemoryHub()
    hub
      .adapter({ connectionId: 'a1' })
      .openRoom({
        room: 'lobby',
        user: { id: 'ada', name: 'Ada', avatarUrl: 'https://x/a.png' },
        sink: recordingSink(),
      })
      .enter(presence({ mood: 'hi' }))
    hub.addVirtual('lobby', { userId: 'linus', connectionId: 'l1', data: { bot: 1 } })

    const sink = recordingSink()
    const adapter = hub.adapter({ connectionId: 'g1' })
    expect(adapter.name).toBe('memory')
    adapter.openRoom({ room: 'lobby', user: { id: 'grace' }, sink })

    expect(sink.methods()).toEqual(['status', 'status', 'snapshot'])
    expect(sink.statuses()).toEqual([['connecting'], ['connected', { connectionId: 'g1' }]])
    expect(sink.snapshots()).toEqual([
      [
        {
          connectionId: 'a1',
          userId: 'ada',
          data: { mood: 'hi' },
          activity: activeNow,
          profile: { name: 'Ada', avatarUrl: 'https://x/a.png' },
          version: 1,
        },
        { connectionId: 'l1', userId: 'linus', data: { bot: 1 }, version: 2 },
      ],
    ])
  })

  it('fans join, update and leave out to every watcher, the sender included, with increasing versions', () => {
    const hub = createMemoryHub()
    const senderSink = recordingSink()
    const otherSink = recordingSink()
    const sender = hub
      .adapter({ connectionId: 'a1' })
      .openRoom({ room: 'r', user: { id: 'ada' }, sink: senderSink })
    hub.adapter({ connectionId: 'g1' }).openRoom({ room: 'r', user: { id: 'grace' }, sink: otherSink })
    senderSink.clear()
    otherSink.clear()

    sender.enter(presence({ n: 1 }))
    sender.enter(presence({ n: 2 }))
    sender.update(presence({ n: 3 }))
    sender.leave()

    for (const sink of [senderSink, otherSink]) {
      expect(sink.methods()).toEqual(['join', 'update', 'update', 'leave'])
      expect(sink.joins()).toEqual([
        { connectionId: 'a1', userId: 'ada', data: { n: 1 }, activity: activeNow, version: 1 },
      ])
      expect(sink.updates().map((u) => u.data)).toEqual([{ n: 2 }, { n: 3 }])
      expect(sink.leaves()).toEqual([{ connectionId: 'a1', userId: 'ada', version: 4 }])
      expect(versionsOf(sink)).toEqual([1, 2, 3, 4])
    }
    expect(hub.connections('r')).toEqual([])
  })

  it('orders versions across connections and rooms with one hub-wide counter', () => {
    const hub = createMemoryHub()
    const sink = recordingSink()
    const a = hub.adapter().openRoom({ room: 'r', user: { id: 'ada' }, sink })
    const b = hub.adapter().openRoom({ room: 'r', user: { id: 'bob' }, sink: recordingSink() })
    const elsewhere = hub.adapter().openRoom({ room: 'other', user: { id: 'cy' }, sink: recordingSink() })
    a.enter(presence({}))
    elsewhere.enter(presence({}))
    b.enter(presence({}))
    hub.addVirtual('r', { userId: 'v' })
    a.update(presence({ x: 1 }))
    expect(versionsOf(sink)).toEqual([1, 3, 4, 5])
    expect(hub.stats().version).toBe(5)
  })

  it('gives every receiver its own copy of the data', () => {
    const hub = createMemoryHub()
    const first = recordingSink()
    const second = recordingSink()
    const data = { nested: { n: 1 } }
    hub
      .adapter()
      .openRoom({ room: 'r', user: { id: 'a' }, sink: first })
      .enter({ data, activity: activeNow })
    hub.adapter().openRoom({ room: 'r', user: { id: 'b' }, sink: second })
    const joined = first.joins()[0]!.data!
    const snapshotted = second.snapshots()[0]![0]!.data!
    expect(joined).toEqual(data)
    expect(joined).not.toBe(data)
    expect(snapshotted).toEqual(data)
    expect(snapshotted.nested).not.toBe(joined.nested)
    data.nested.n = 2
    expect(hub.connections('r')[0]!.data).toEqual({ nested: { n: 1 } })
  })

  it('keeps __proto__ an ordinary key on its way through', () => {
    const hub = createMemoryHub()
    const sink = recordingSink()
    hub.adapter().openRoom({ room: 'r', user: { id: 'b' }, sink })
    hub.addVirtual('r', { userId: 'a', data: JSON.parse('{"__proto__": {"polluted": true}, "ok": 1}') })
    const data = sink.joins()[0]!.data as Record<string, unknown>
    expect(Object.keys(data)).toEqual(['__proto__', 'ok'])
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype)
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  })

  it('fans typing out to every watcher, sender included', () => {
    const hub = createMemoryHub()
    const senderSink = recordingSink()
    const otherSink = recordingSink()
    const sender = hub
      .adapter({ connectionId: 'a1' })
      .openRoom({ room: 'r', user: { id: 'ada' }, sink: senderSink })
    hub.adapter().openRoom({ room: 'r', user: { id: 'grace' }, sink: otherSink })
    sender.enter(presence({}))
    sender.typing(true)
    sender.typing(false)
    for (const sink of [senderSink, otherSink]) {
      expect(sink.typings()).toEqual([
        { userId: 'ada', connectionId: 'a1', typing: true },
        { userId: 'ada', connectionId: 'a1', typing: false },
      ])
    }
  })

  it('close leaves, stops delivery to that sink and forgets an empty room', () => {
    const hub = createMemoryHub()
    const closingSink = recordingSink()
    const otherSink = recordingSink()
    const closing = hub
      .adapter({ connectionId: 'a1' })
      .openRoom({ room: 'r', user: { id: 'ada' }, sink: closingSink })
    const other = hub
      .adapter({ connectionId: 'g1' })
      .openRoom({ room: 'r', user: { id: 'grace' }, sink: otherSink })
    closing.enter(presence({}))
    expect(hub.watchers('r')).toEqual(['a1', 'g1'])
    closingSink.clear()

    closing.close()
    closing.close()
    closing.update(presence({ late: 1 }))
    hub.addVirtual('r', { userId: 'v', connectionId: 'v1' })
    expect(closingSink.calls).toEqual([])
    expect(otherSink.leaves()).toEqual([{ connectionId: 'a1', userId: 'ada', version: 2 }])
    expect(hub.watchers('r')).toEqual(['g1'])

    hub.removeVirtual('r', 'v1')
    other.close()
    expect(hub.rooms()).toEqual([])
  })

  it('refuses a second open of the same room on one connection, and anything after destroy', () => {
    const hub = createMemoryHub()
    const adapter = hub.adapter()
    const room = adapter.openRoom({ room: 'r', user: { id: 'a' }, sink: recordingSink() })
    expect(() => adapter.openRoom({ room: 'r', user: { id: 'a' }, sink: recordingSink() })).toThrow(
      /already open/,
    )
    room.close()
    expect(() => adapter.openRoom({ room: 'r', user: { id: 'a' }, sink: recordingSink() })).not.toThrow()
    adapter.destroy!()
    expect(hub.watchers('r')).toEqual([])
    expect(() => adapter.openRoom({ room: 'r', user: { id: 'a' }, sink: recordingSink() })).toThrow(/destroy/)
    expect(() => hub.adapter({ connectionId: 'x' })).not.toThrow()
    expect(() => hub.adapter({ connectionId: 'x' })).toThrow(/already used/)
  })

  it('adapter.destroy leaves every room it had entered', () => {
    const hub = createMemoryHub()
    const watcher = recordingSink()
    hub.adapter().openRoom({ room: 'one', user: { id: 'w' }, sink: watcher })
    const adapter = hub.adapter({ connectionId: 'a1' })
    adapter.openRoom({ room: 'one', user: { id: 'ada' }, sink: recordingSink() }).enter(presence({}))
    adapter.openRoom({ room: 'two', user: { id: 'ada' }, sink: recordingSink() }).enter(presence({}))
    adapter.destroy!()
    expect(watcher.leaves()).toEqual([{ connectionId: 'a1', userId: 'ada', version: 3 }])
    expect(hub.rooms()).toEqual(['one'])
  })

  it('counts deliveries per method, and destroy drops everything silently', () => {
    const hub = createMemoryHub({ delivery: 'manual' })
    const sink = recordingSink()
    const room = hub.adapter().openRoom({ room: 'r', user: { id: 'a' }, sink })
    room.enter(presence({}))
    room.typing(true)
    hub.deliver()
    room.leave()
    expect(hub.stats()).toEqual({
      delivered: { snapshot: 1, join: 1, update: 0, leave: 0, typing: 1, status: 2, error: 0 },
      dropped: 0,
      pending: 1,
      version: 2,
    })
    hub.destroy()
    expect(hub.destroyed).toBe(true)
    expect(hub.deliver()).toBe(0)
    expect(sink.methods()).not.toContain('leave')
    expect(hub.rooms()).toEqual([])
    expect(() => hub.addVirtual('r', { userId: 'v' })).toThrow(/destroy/)
    expect(() => room.enter(presence({}))).not.toThrow()
  })
})
