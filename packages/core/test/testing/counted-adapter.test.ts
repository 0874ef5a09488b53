import { describe, expect, it } from 'vitest'
import { createPresenceClient } from '../../src/index.js'
import { countAdapterCalls, createMemoryHub } from '../../src/testing/index.js'

describe('countAdapterCalls', () => {
  it('counts what the store asks of the wrapped adapter, and still passes every call on', () => {
    const hub = createMemoryHub()
    const { adapter, counts } = countAdapterCalls(hub.adapter())
    const client = createPresenceClient({ adapter, user: { id: 'ada' }, batch: 'sync' })
    const room = client.room('lobby')
    room.join({ mood: 'happy' })
    room.update({ mood: 'busy' })
    room.startTyping()
    room.stopTyping()
    room.leave()
    client.destroy()
    expect(counts).toEqual({ open: 1, enter: 1, update: 1, leave: 1, typing: [true, false], close: 1 })
    expect(adapter.name).toBe(`counted ${hub.adapter().name}`)
  })
})
