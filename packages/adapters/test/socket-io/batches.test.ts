import { isPresenceError } from '@presence-kit/core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { createSocketIoAdapter } from '../../src/socket-io/index.js'
import type { ContractBackend } from '../contract/harness.js'
import { eventually, observeRoom, type ObservedRoom } from '../contract/observe.js'
import { startReferenceServerBackend } from './reference-server-backend.js'

const connection = (userId: string, version: number, data: Record<string, unknown> = {}) => ({
  connectionId: `${userId}-1`,
  userId,
  data,
  version,
})

// Frames a server could send written by the real server's Socket.IO instance to the real
// socket.io-client under the adapter: what a store makes of batches, good and bad.
describe('the socket-io adapter reads presence:batch frames', () => {
  let backend: ContractBackend & Awaited<ReturnType<typeof startReferenceServerBackend>>
  let me: ObservedRoom

  beforeEach(async () => {
    backend = await startReferenceServerBackend({ batchWindowMs: 50 })
    me = observeRoom(await backend.createAdapter('me'), 'me', 'lobby')
    me.room.watch()
    await eventually(() => expect(me.room.get().synced).toBe(true))
  })
  afterEach(async () => {
    me.destroy()
    await backend.close()
  })

  const send = (changes: unknown) => backend.server.io.emit('presence:batch', { room: 'lobby', changes })

  it('asks the server for batches: a peer’s join and update arrive as presence:batch frames', async () => {
    const socket = (me.adapter as ReturnType<typeof createSocketIoAdapter>).socket
    const events: string[] = []
    socket.onAny((event: string) => events.push(event))
    const ada = await backend.createPeer('lobby', 'ada')
    await ada.join({ n: 1 })
    await ada.update({ n: 2 })
    await eventually(() => expect(me.room.get('ada')?.data).toEqual({ n: 2 }))
    expect(events.length).toBeGreaterThan(0)
    expect(new Set(events)).toEqual(new Set(['presence:batch']))
  })

  it('applies a batch’s changes in order, as one commit of single events', async () => {
    send([
      { type: 'join', connection: connection('ada', 1, { n: 1 }) },
      { type: 'join', connection: connection('grace', 2) },
      { type: 'update', connection: connection('ada', 3, { n: 2 }) },
      { type: 'typing', connectionId: 'grace-1', userId: 'grace', typing: true, ttlMs: 6000 },
    ])
    await eventually(() => expect(me.room.get('ada')?.data).toEqual({ n: 2 }))
    expect(me.room.get().typing.map((member) => member.userId)).toEqual(['grace'])
    send([{ type: 'leave', connectionId: 'grace-1', userId: 'grace', version: 4 }])
    await eventually(() => expect(me.room.isUserPresent('grace')).toBe(false))
    expect(me.room.get().typing).toEqual([])
    expect(me.names().filter((name) => name.startsWith('error:'))).toEqual([])
  })

  it('drops older input inside a batch by its version, as for single events', async () => {
    send([
      { type: 'join', connection: connection('ada', 5, { n: 5 }) },
      { type: 'update', connection: connection('ada', 3, { n: 3 }) },
    ])
    await eventually(() => expect(me.room.isUserPresent('ada')).toBe(true))
    send([
      { type: 'leave', connectionId: 'ada-1', userId: 'ada', version: 4 },
      { type: 'join', connection: connection('ada', 4, { n: 4 }) },
    ])
    send([{ type: 'join', connection: connection('grace', 1) }])
    await eventually(() => expect(me.room.isUserPresent('grace')).toBe(true))
    expect(me.room.get('ada')?.data).toEqual({ n: 5 })
  })

  it('reports the malformed changes of a batch once, as a typed error, and applies the others', async () => {
    send([
      { type: 'join', connection: connection('ada', 1) },
      { type: 'join', connection: { connectionId: 7, userId: ['x'], data: 'nope' } },
      { type: 'vanish', connectionId: 'grace-1' },
      { type: 'join', connection: connection('grace', 2) },
    ])
    await eventually(() => expect(me.events.some((event) => event.type === 'error')).toBe(true))
    await eventually(() => expect(me.room.isUserPresent('grace')).toBe(true))
    expect(me.room.isUserPresent('ada')).toBe(true)
    const errors = me.events.filter((event) => event.type === 'error')
    expect(errors).toHaveLength(1)
    const [error] = errors
    expect(error?.type === 'error' && isPresenceError(error.error)).toBe(true)
    expect(error?.type === 'error' && error.error.code).toBe('invalid-input')
    expect(error?.type === 'error' && error.error.message).toMatch(/2 of 4 changes in a batch were malformed/)
    expect(me.room.get().lastError?.code).toBe('invalid-input')
  })

  it('reports a frame that is not a batch and changes nothing', async () => {
    send([{ type: 'join', connection: connection('ada', 1) }])
    await eventually(() => expect(me.room.isUserPresent('ada')).toBe(true))
    const members = me.room.get().members
    me.clear()
    backend.server.io.emit('presence:batch', { room: 'lobby', changes: { 0: 'not an array' } })
    backend.server.io.emit('presence:batch', 'not an object')
    await eventually(() => expect(me.events.filter((event) => event.type === 'error')).toHaveLength(2))
    expect(me.room.get().members).toBe(members)
    expect(me.names().filter((name) => !name.startsWith('error:'))).toEqual([])
  })
})
