import { afterEach, describe, expect, it } from 'vitest'
import type { ContractBackend } from '../contract/harness.js'
import { eventually, observeRoom, sleep, type ObservedRoom } from '../contract/observe.js'
import { startReferenceServerBackend } from './reference-server-backend.js'

type Backend = ContractBackend & Awaited<ReturnType<typeof startReferenceServerBackend>>

// room.retry() against the real reference server and the real socket.io-client.
describe('room.retry() with the socket-io adapter', () => {
  let backend: Backend
  let me: ObservedRoom | undefined

  afterEach(async () => {
    me?.destroy()
    me = undefined
    await backend.close()
  })

  it('connects at once a first connection that waits between attempts', async () => {
    backend = await startReferenceServerBackend({
      batchWindowMs: 0,
      // socket.io-client would wait a minute before its next attempt.
      adapterOptions: () => ({
        socketOptions: { forceNew: true, reconnectionDelay: 60_000, reconnectionDelayMax: 60_000 },
      }),
    })
    const adapter = await backend.createAdapter('me')
    await backend.dropLink(adapter)
    me = observeRoom(adapter, 'me', 'lobby')
    me.room.join({ here: true })
    await sleep(300)
    expect(me.room.get().status).toBe('connecting')
    await backend.restoreLink(adapter)
    await sleep(300)
    expect(me.room.get().synced).toBe(false)
    me.room.retry()
    await eventually(() => expect(me!.room.get()).toMatchObject({ status: 'connected', synced: true }), 3_000)
    // The presence was entered on the new link: a peer that watches sees it.
    const seen = observeRoom(await backend.createAdapter('watcher'), 'watcher', 'lobby')
    try {
      seen.room.watch()
      await eventually(() => expect(seen.room.get('me')?.data).toEqual({ here: true }))
    } finally {
      seen.destroy()
    }
  })

  it('turns a refused connection into a connected one when the next try is accepted', async () => {
    let tries = 0
    backend = await startReferenceServerBackend({
      batchWindowMs: 0,
      // The first token is refused (as an expired one would be); a retry asks for a fresh one.
      adapterOptions: (userId) => ({
        token: () => (++tries === 1 ? 'not-a-token' : backend.tokenFor(userId)),
      }),
    })
    me = observeRoom(await backend.createAdapter('me'), 'me', 'lobby')
    me.room.join({})
    await eventually(() => expect(me!.room.get().status).toBe('failed'))
    await sleep(200)
    expect(me.room.get().status).toBe('failed')
    me.room.retry()
    await eventually(() => expect(me!.room.get()).toMatchObject({ status: 'connected', synced: true }))
    expect(me.room.get().self?.userId).toBe('me')
    expect(tries).toBe(2)
  })
})
