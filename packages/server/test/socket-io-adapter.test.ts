import { createPresenceClient } from '@presence-kit/core'
import { createSocketIoAdapter } from '@presence-kit/adapters/socket-io'
import { afterEach, describe, expect, it } from 'vitest'
import { createPresenceServer, type PresenceServer } from '../src/index.js'
import { SECRET, closeAllClients, connectClient, tokenFor, userIds } from './helpers/clients.js'
import { waitFor } from './helpers/wait.js'

let servers: PresenceServer[] = []

async function start(port = 0, options: { batchWindowMs?: number } = {}) {
  const server = createPresenceServer({ secret: SECRET, logger: 'silent', ...options })
  servers.push(server)
  const address = await server.listen(port)
  return { server, port: address.port, url: `http://127.0.0.1:${address.port}` }
}

afterEach(async () => {
  closeAllClients()
  await Promise.all(servers.map((server) => server.close()))
  servers = []
})

describe('the socket-io adapter with the reference server', () => {
  it('keeps the roster while reconnecting and reconciles it with the next snapshot', async () => {
    const { url } = await start()
    const ada = connectClient(url, { id: 'ada' })
    const grace = connectClient(url, { id: 'grace' })
    const lin = connectClient(url, { id: 'lin' })
    const adaRoom = ada.client.room('lobby')
    adaRoom.join({})
    grace.client.room('lobby').join({ v: 1 })
    lin.client.room('lobby').join({})
    await waitFor(
      () => userIds(adaRoom.get()).join(),
      (ids) => ids === 'ada,grace,lin',
      'three members',
    )
    const events: string[] = []
    adaRoom.on(['join', 'leave'], (event) => events.push(`${event.type}:${event.member.userId}`))

    // Ada's link drops and stays down (no automatic retry) while Lin leaves and Zoe arrives.
    ada.adapter.socket.io.reconnection(false)
    ada.adapter.socket.io.engine.close()
    await waitFor(
      () => adaRoom.get().status,
      (status) => status === 'reconnecting',
      'reconnecting',
    )
    lin.close()
    const zoe = connectClient(url, { id: 'zoe' })
    zoe.client.room('lobby').join({})
    // On the server Ada is gone too (her socket closed); Grace sees the rest of the change.
    await waitFor(
      () => userIds(grace.client.room('lobby').get()).join(),
      (ids) => ids === 'grace,zoe',
      'the change',
    )
    const during = adaRoom.get()
    expect(during.stale).toBe(true)
    expect(userIds(during)).toEqual(['ada', 'grace', 'lin'])
    ada.adapter.socket.io.reconnection(true)
    ada.adapter.socket.connect()

    await waitFor(
      () => adaRoom.get(),
      (state) => state.status === 'connected' && !state.stale,
      'back',
      5000,
    )
    await waitFor(
      () => userIds(adaRoom.get()).join(),
      (ids) => ids === 'ada,grace,zoe',
      'the reconciled roster',
    )
    // Only the real changes: Grace never left, Ada's own reconnect is invisible.
    expect(events.toSorted()).toEqual(['join:zoe', 'leave:lin'])
  })

  it('re-sends its own presence after the server restarts, without blanking the list', async () => {
    const { server, port, url } = await start()
    const ada = connectClient(url, { id: 'ada' }, { leaveGraceMs: 3000 })
    const grace = connectClient(url, { id: 'grace' }, { leaveGraceMs: 3000 })
    const adaRoom = ada.client.room('lobby')
    const graceRoom = grace.client.room('lobby')
    adaRoom.join({ mood: 'curious' })
    graceRoom.join({ mood: 'busy' })
    await waitFor(
      () => graceRoom.get().count,
      (count) => count === 2,
      'two members',
    )
    const events: string[] = []
    graceRoom.on(['join', 'leave'], (event) => events.push(`${event.type}:${event.member.userId}`))

    await server.close()
    await waitFor(() => graceRoom.get().stale, Boolean, 'grace to notice')
    expect(userIds(graceRoom.get())).toEqual(['ada', 'grace'])
    await start(port)
    await waitFor(
      () => servers[1]?.connections('lobby').length,
      (count) => count === 2,
      'both back on the new server',
      8000,
    )
    await waitFor(
      () => graceRoom.get(),
      (state) => !state.stale && state.status === 'connected',
      'grace synced',
    )
    expect(graceRoom.get('ada')?.data).toEqual({ mood: 'curious' })
    expect(servers[1]?.connections('lobby').find((each) => each.userId === 'grace')?.data).toEqual({
      mood: 'busy',
    })
    expect(events).toEqual([])
  })

  it('drops input older than what it holds, by the server’s versions', async () => {
    // Single events written into the channel of clients that get single events (batching off);
    // the same with batches is in packages/adapters/test/socket-io/batches.test.ts.
    const { server, url } = await start(0, { batchWindowMs: 0 })
    const ada = connectClient(url, { id: 'ada' })
    const grace = connectClient(url, { id: 'grace' })
    const adaRoom = ada.client.room('lobby')
    adaRoom.join({})
    const graceRoom = grace.client.room('lobby')
    graceRoom.join({ step: 1 })
    graceRoom.update({ step: 2 })
    await waitFor(
      () => adaRoom.get('grace')?.data.step,
      (step) => step === 2,
      'step 2',
    )
    const held = server.connections('lobby').find((each) => each.userId === 'grace')
    if (held === undefined) throw new Error('grace is not on the server')
    const stale = {
      room: 'lobby',
      connection: { ...held, data: { step: 'stale' }, version: held.version - 1 },
    }
    server.io.to('presence:lobby').emit('presence:update', stale)
    const fresh = {
      room: 'lobby',
      connection: { ...held, data: { step: 'fresh' }, version: held.version + 1000 },
    }
    server.io.to('presence:lobby').emit('presence:update', fresh)
    await waitFor(
      () => adaRoom.get('grace')?.data.step,
      (step) => step === 'fresh',
      'the fresh update',
    )
    const leave = {
      room: 'lobby',
      connectionId: held.connectionId,
      userId: 'grace',
      version: held.version + 1001,
    }
    server.io.to('presence:lobby').emit('presence:leave', leave)
    // A join that arrives after its own leave, with an older version, makes no ghost.
    server.io.to('presence:lobby').emit('presence:join', fresh)
    await waitFor(
      () => adaRoom.isUserPresent('grace'),
      (present) => !present,
      'grace gone',
    )
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(adaRoom.isUserPresent('grace')).toBe(false)
  })

  it('asks for a fresh token at every connection and fails when refused', async () => {
    const { url } = await start()
    let asked = 0
    const adapter = createSocketIoAdapter({
      url,
      connectOnServer: true,
      token: () => {
        asked++
        return Promise.resolve(tokenFor('ada'))
      },
      socketOptions: { forceNew: true, reconnectionDelay: 100, reconnectionDelayMax: 200 },
    })
    const client = createPresenceClient({ adapter, user: { id: 'ada' }, batch: 'sync' })
    const room = client.room('lobby')
    room.join({})
    await waitFor(() => room.get().synced, Boolean, 'synced')
    adapter.socket.io.engine.close()
    await waitFor(
      () => asked,
      (count) => count >= 2,
      'a second token',
    )
    await waitFor(
      () => room.get().status,
      (status) => status === 'connected',
      'connected again',
    )
    client.destroy()
    adapter.destroy?.()
    expect(adapter.socket.connected).toBe(false)

    const refused = createSocketIoAdapter({
      url,
      token: 'forged.token',
      connectOnServer: true,
      socketOptions: { forceNew: true },
    })
    const refusedClient = createPresenceClient({ adapter: refused, user: { id: 'mallory' }, batch: 'sync' })
    const refusedRoom = refusedClient.room('lobby')
    refusedRoom.join({})
    await waitFor(
      () => refusedRoom.get().status,
      (status) => status === 'failed',
      'failed',
    )
    expect(refusedRoom.get().lastError?.detail).toEqual({ code: 'unauthorized' })
    refusedClient.destroy()
    refused.destroy?.()
  })

  it('needs a url or a socket', () => {
    expect(() => createSocketIoAdapter({})).toThrow(/url/)
  })
})
