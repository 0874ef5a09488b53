import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { createSocketIoAdapter } from '../../src/socket-io/index.js'
import type { ContractBackend } from '../contract/harness.js'
import { eventually, observeRoom, sleep, type ObservedRoom } from '../contract/observe.js'
import { startReferenceServerBackend } from './reference-server-backend.js'

type Backend = ContractBackend & Awaited<ReturnType<typeof startReferenceServerBackend>>

// The real reference server with rooms named `event-…` count-only, and the real socket.io-client
// under the adapter: what a store makes of a room too big to list.
describe.each([0, 40])('the socket-io adapter with counts: true (batch window %i ms)', (batchWindowMs) => {
  let backend: Backend
  let me: ObservedRoom

  beforeEach(async () => {
    backend = await startReferenceServerBackend({
      batchWindowMs,
      countOnly: (room) => room.startsWith('event-'),
      adapterOptions: () => ({ counts: true }),
    })
  })
  afterEach(async () => {
    me?.destroy()
    await backend.close()
  })

  it('asks for counts, and a count-only room arrives as its number of users, with no members', async () => {
    const ada = await backend.createPeer('event-keynote', 'ada')
    await ada.join({})
    const grace = await backend.createPeer('event-keynote', 'grace')
    await grace.join({})
    me = observeRoom(await backend.createAdapter('me'), 'me', 'event-keynote')
    const socket = (me.adapter as ReturnType<typeof createSocketIoAdapter>).socket
    const frames: string[] = []
    socket.onAny((event: string) => frames.push(event))
    me.room.watch()
    await eventually(() => expect(me.room.get()).toMatchObject({ mode: 'count', count: 2, synced: true }))
    expect(me.room.get().members).toEqual([])
    expect(frames).toContain('presence:count')
    expect(frames).not.toContain('presence:snapshot')
    const hopper = await backend.createPeer('event-keynote', 'hopper')
    await hopper.join({})
    await eventually(() => expect(me.room.get().count).toBe(3))
    await ada.leave()
    await eventually(() => expect(me.room.get().count).toBe(2))
    expect(me.room.get().members).toEqual([])
    expect(me.about('ada')).toEqual([])
  })

  it('counts the local user once joined, and shows peers typing', async () => {
    me = observeRoom(await backend.createAdapter('me'), 'me', 'event-keynote')
    me.room.join({ here: true })
    await eventually(() => expect(me.room.get()).toMatchObject({ mode: 'count', count: 1 }))
    expect(me.room.get().self?.data).toEqual({ here: true })
    const ada = await backend.createPeer('event-keynote', 'ada')
    await ada.join({})
    await eventually(() => expect(me.room.get().count).toBe(2))
    await ada.typing(true)
    await eventually(() => expect(me.room.get().typing.map((member) => member.userId)).toEqual(['ada']))
    await ada.typing(false)
    await eventually(() => expect(me.room.get().typing).toEqual([]))
    expect(me.room.get().members).toEqual([])
  })

  it('lists a room that is not count-only, on the same counting socket', async () => {
    const ada = await backend.createPeer('lobby', 'ada')
    await ada.join({})
    me = observeRoom(await backend.createAdapter('me'), 'me', 'lobby')
    me.room.watch()
    await eventually(() => expect(me.room.get().members.map((member) => member.userId)).toEqual(['ada']))
    expect(me.room.get()).toMatchObject({ mode: 'list', count: 1 })
  })

  it('keeps the last count, stale, while the link is down, and counts again once it is back', async () => {
    const ada = await backend.createPeer('event-keynote', 'ada')
    await ada.join({})
    const adapter = await backend.createAdapter('me')
    me = observeRoom(adapter, 'me', 'event-keynote')
    me.room.watch()
    await eventually(() => expect(me.room.get().count).toBe(1))
    await backend.dropLink(adapter)
    await eventually(() => expect(me.room.get()).toMatchObject({ stale: true, count: 1, mode: 'count' }))
    const grace = await backend.createPeer('event-keynote', 'grace')
    await grace.join({})
    await backend.restoreLink(adapter)
    await eventually(() => expect(me.room.get()).toMatchObject({ stale: false, count: 2, mode: 'count' }))
    expect(me.room.get().members).toEqual([])
  })

  it('reports a malformed count as a typed error and keeps the count shown', async () => {
    me = observeRoom(await backend.createAdapter('me'), 'me', 'event-keynote')
    me.room.watch()
    await eventually(() => expect(me.room.get()).toMatchObject({ mode: 'count', count: 0 }))
    // The one made-up frame: the server's own Socket.IO instance writes a count no server sends.
    backend.server.io.emit('presence:count', { room: 'event-keynote', count: -3 })
    backend.server.io.emit('presence:count', { room: 'event-keynote', count: '12' })
    await eventually(() =>
      expect(me.names().filter((name) => name === 'error:invalid-input')).toHaveLength(2),
    )
    expect(me.room.get().count).toBe(0)
  })
})

describe('the socket-io adapter without counts', () => {
  it('gets a count-only room’s members, as before', async () => {
    const backend = await startReferenceServerBackend({
      batchWindowMs: 0,
      countOnly: (room) => room.startsWith('event-'),
    })
    const ada = await backend.createPeer('event-keynote', 'ada')
    await ada.join({})
    const me = observeRoom(await backend.createAdapter('me'), 'me', 'event-keynote')
    try {
      me.room.watch()
      await eventually(() => expect(me.room.get().members.map((member) => member.userId)).toEqual(['ada']))
      await sleep(50)
      expect(me.room.get().mode).toBe('list')
    } finally {
      me.destroy()
      await backend.close()
    }
  })
})
