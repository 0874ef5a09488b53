import { describe, expect, it } from 'vitest'
import { createMemoryHub } from '../../src/testing/index.js'
import { presence, recordingSink } from './recording-sink.js'

function twoClients(delivery: 'sync' | 'manual' = 'sync') {
  const hub = createMemoryHub({ delivery })
  const adaSink = recordingSink()
  const graceSink = recordingSink()
  const ada = hub.adapter({ connectionId: 'a1' })
  const adaRoom = ada.openRoom({ room: 'r', user: { id: 'ada' }, sink: adaSink })
  adaRoom.enter(presence({ mood: 'here' }))
  hub.adapter({ connectionId: 'g1' }).openRoom({ room: 'r', user: { id: 'grace' }, sink: graceSink })
  hub.deliver()
  adaSink.clear()
  graceSink.clear()
  return { hub, ada, adaRoom, adaSink, graceSink }
}

describe('memory hub: disconnect and reconnect', () => {
  it('disconnect: the client hears reconnecting and nothing more; the others see it leave', () => {
    const { hub, ada, adaRoom, adaSink, graceSink } = twoClients()
    hub.disconnect(ada)
    hub.disconnect(ada)
    expect(ada.connected).toBe(false)
    expect(adaSink.statuses()).toEqual([['reconnecting']])
    expect(graceSink.leaves()).toEqual([{ connectionId: 'a1', userId: 'ada', version: 2 }])

    hub.addVirtual('r', { userId: 'linus', connectionId: 'l1' })
    adaRoom.update(presence({ lost: 1 }))
    adaRoom.typing(true)
    expect(adaSink.methods()).toEqual(['status'])
    expect(graceSink.methods()).toEqual(['leave', 'join'])
    expect(hub.connections('r').map((c) => c.connectionId)).toEqual(['l1'])
  })

  it('reconnect: connected with the new id, then a fresh snapshot; re-entering is a join for everyone', () => {
    const { hub, ada, adaRoom, adaSink, graceSink } = twoClients()
    hub.disconnect('a1')
    hub.addVirtual('r', { userId: 'linus', connectionId: 'l1' })
    hub.reconnect(ada, { connectionId: 'a2' })
    expect(ada.connectionId).toBe('a2')
    expect(adaSink.statuses()).toEqual([['reconnecting'], ['connected', { connectionId: 'a2' }]])
    expect(adaSink.methods()).toEqual(['status', 'status', 'snapshot'])
    expect(adaSink.snapshots()[0]!.map((c) => c.connectionId)).toEqual(['l1'])

    adaRoom.enter(presence({ mood: 'back' }))
    expect(graceSink.joins().at(-1)).toMatchObject({
      connectionId: 'a2',
      userId: 'ada',
      data: { mood: 'back' },
    })
    expect(adaSink.joins().at(-1)).toMatchObject({ connectionId: 'a2' })
  })

  it('removeFromRoom: false keeps the connection; the others see no leave, and the same id resumes it', () => {
    const { hub, ada, adaRoom, adaSink, graceSink } = twoClients()
    hub.disconnect(ada, { removeFromRoom: false })
    expect(graceSink.calls).toEqual([])
    hub.reconnect(ada)
    expect(adaSink.statuses().at(-1)).toEqual(['connected', { connectionId: 'a1' }])
    expect(adaSink.snapshots()[0]!.map((c) => c.connectionId)).toEqual(['a1'])
    adaRoom.enter(presence({ mood: 'here' }))
    expect(graceSink.methods()).toEqual(['update'])
    expect(hub.connectionCount('r')).toBe(1)
  })

  it('removeFromRoom: false and a new id leaves a ghost until the server evicts it', () => {
    const { hub, ada, adaRoom, graceSink } = twoClients()
    hub.disconnect(ada, { removeFromRoom: false })
    hub.reconnect(ada, { connectionId: 'a2' })
    adaRoom.enter(presence({}))
    expect(hub.connections('r').map((c) => c.connectionId)).toEqual(['a1', 'a2'])
    adaRoom.leave()
    expect(hub.connections('r').map((c) => c.connectionId)).toEqual(['a1'])
    expect(hub.evict('r', 'a1')).toBe(true)
    expect(hub.evict('r', 'a1')).toBe(false)
    expect(graceSink.leaves().map((l) => l.connectionId)).toEqual(['a2', 'a1'])
    expect(hub.connectionCount('r')).toBe(0)
  })

  it('messages in flight when the link drops are lost', () => {
    const { hub, ada, adaSink } = twoClients('manual')
    hub.addVirtual('r', { userId: 'linus' })
    hub.disconnect(ada)
    hub.deliver()
    expect(adaSink.methods()).toEqual(['status'])
    expect(hub.stats().dropped).toBe(1)
  })

  it('evict also removes a live client connection, and tells its own sink', () => {
    const { hub, adaRoom, adaSink, graceSink } = twoClients()
    hub.evict('r', 'a1')
    expect(adaSink.leaves()).toEqual([{ connectionId: 'a1', userId: 'ada', version: 2 }])
    expect(graceSink.leaves()).toHaveLength(1)
    adaRoom.leave()
    expect(graceSink.leaves()).toHaveLength(1)
  })

  it('refuses unknown clients and a reconnect that was not preceded by a disconnect', () => {
    const { hub, ada } = twoClients()
    expect(() => hub.disconnect('nobody')).toThrow(/no client "nobody"/)
    expect(() => hub.reconnect(ada)).toThrow(/not disconnected/)
    hub.disconnect(ada)
    expect(() => hub.reconnect(ada, { connectionId: 'g1' })).toThrow(/another client/)
  })

  it('a room opened while the link is down hears connecting, then the rest on reconnect', () => {
    const hub = createMemoryHub()
    const adapter = hub.adapter()
    hub.disconnect(adapter)
    const sink = recordingSink()
    adapter.openRoom({ room: 'r', user: { id: 'a' }, sink })
    expect(sink.statuses()).toEqual([['connecting']])
    hub.reconnect(adapter)
    expect(sink.methods()).toEqual(['status', 'status', 'snapshot'])
  })
})

describe('memory hub: inject', () => {
  it('delivers malformed input untouched, the very same value, to every watcher', () => {
    const { hub, adaSink, graceSink } = twoClients()
    const nonsense = { nonsense: true, data: () => 1 }
    expect(hub.inject('r', { method: 'join', payload: nonsense })).toBe(2)
    expect(adaSink.calls).toEqual([{ method: 'join', args: [nonsense] }])
    expect(graceSink.joins()[0]).toBe(nonsense)
  })

  it('passes a detail as the second argument, and can target one connection', () => {
    const { hub, adaSink, graceSink } = twoClients()
    hub.inject('r', { method: 'status', payload: 'connected', detail: { connectionId: 42 }, to: 'g1' })
    hub.inject('r', { method: 'snapshot', payload: undefined })
    hub.inject('r', { method: 'error', payload: 'boom' })
    expect(graceSink.calls).toEqual([
      { method: 'status', args: ['connected', { connectionId: 42 }] },
      { method: 'snapshot', args: [undefined] },
      { method: 'error', args: ['boom'] },
    ])
    expect(adaSink.methods()).toEqual(['snapshot', 'error'])
  })

  it('refuses a method a sink does not have, and returns 0 for a room nobody watches', () => {
    const { hub } = twoClients()
    // @ts-expect-error not a sink method
    expect(() => hub.inject('r', { method: 'explode', payload: 1 })).toThrow(TypeError)
    expect(hub.inject('empty', { method: 'join', payload: 1 })).toBe(0)
  })
})
