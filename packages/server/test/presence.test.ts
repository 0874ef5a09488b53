import { afterEach, describe, expect, it } from 'vitest'
import { createPresenceServer, type BatchMessage, type PresenceServer } from '../src/index.js'
import { SECRET, closeAllClients, connectClient, connectRaw, tokenFor, userIds } from './helpers/clients.js'
import { connected } from './helpers/raw.js'
import { waitFor } from './helpers/wait.js'

let servers: PresenceServer[] = []

async function start(options: Parameters<typeof createPresenceServer>[0] = {}) {
  const server = createPresenceServer({ secret: SECRET, logger: 'silent', ...options })
  servers.push(server)
  const address = await server.listen(0)
  return { server, url: `http://127.0.0.1:${address.port}` }
}

afterEach(async () => {
  closeAllClients()
  await Promise.all(servers.map((server) => server.close()))
  servers = []
})

describe('one node in memory', () => {
  it('shows each client the other, with the name from its token', async () => {
    const { url } = await start()
    const ada = connectClient(url, { id: 'ada', name: 'Ada' })
    const grace = connectClient(url, { id: 'grace', name: 'Grace' })
    const adaRoom = ada.client.room('lobby')
    const graceRoom = grace.client.room('lobby')
    adaRoom.join({ status: 'writing' })
    graceRoom.join({ status: 'reading' })
    await waitFor(
      () => userIds(adaRoom.get()),
      (ids) => ids.length === 2,
      'ada to see two members',
    )
    await waitFor(
      () => userIds(graceRoom.get()),
      (ids) => ids.length === 2,
      'grace to see two members',
    )
    const seenByGrace = graceRoom.get('ada')
    expect(seenByGrace?.data).toEqual({ status: 'writing' })
    expect(seenByGrace?.info?.name).toBe('Ada')
    expect(graceRoom.get().synced).toBe(true)
    expect(graceRoom.get().status).toBe('connected')
  })

  it('relays an update as one update event and a leave when the client goes', async () => {
    const { url, server } = await start()
    const ada = connectClient(url, { id: 'ada' })
    const grace = connectClient(url, { id: 'grace' })
    const graceRoom = grace.client.room('lobby')
    graceRoom.join({})
    const adaRoom = ada.client.room('lobby')
    adaRoom.join({ n: 1 })
    await waitFor(() => graceRoom.isUserPresent('ada'), Boolean, 'ada to appear')
    const events: string[] = []
    graceRoom.on(['join', 'leave', 'update'], (event) => events.push(`${event.type}:${event.member.userId}`))
    adaRoom.update({ n: 2 })
    await waitFor(
      () => graceRoom.get('ada')?.data,
      (data) => data?.n === 2,
      'the update',
    )
    expect(events).toEqual(['update:ada'])
    ada.adapter.socket.disconnect()
    await waitFor(
      () => graceRoom.isUserPresent('ada'),
      (present) => !present,
      'ada to leave',
    )
    expect(events).toEqual(['update:ada', 'leave:ada'])
    expect(server.connections('lobby').map((connection) => connection.userId)).toEqual(['grace'])
  })

  it('groups two tabs of one user into one member, present until the last tab closes', async () => {
    const { url } = await start()
    const tab1 = connectClient(url, { id: 'ada' })
    const tab2 = connectClient(url, { id: 'ada' })
    const grace = connectClient(url, { id: 'grace' })
    const room = grace.client.room('lobby')
    room.watch()
    tab1.client.room('lobby').join({})
    tab2.client.room('lobby').join({})
    await waitFor(
      () => room.get('ada')?.connections.length,
      (count) => count === 2,
      'two connections',
    )
    expect(room.get().count).toBe(1)
    tab1.close()
    await waitFor(
      () => room.get('ada')?.connections.length,
      (count) => count === 1,
      'one connection left',
    )
    expect(room.isUserPresent('ada')).toBe(true)
    tab2.close()
    await waitFor(
      () => room.isUserPresent('ada'),
      (present) => !present,
      'ada to leave',
    )
  })

  it('relays typing with its time to live and clears it on stop', async () => {
    const { url, server } = await start({ typingTtlMs: 4000 })
    const ada = connectClient(url, { id: 'ada', name: 'Ada' })
    const grace = connectClient(url, { id: 'grace' })
    const graceRoom = grace.client.room('lobby')
    graceRoom.join({})
    const adaRoom = ada.client.room('lobby')
    adaRoom.join({})
    await waitFor(() => graceRoom.isUserPresent('ada'), Boolean, 'ada to appear')
    const ttls: number[] = []
    // A single event, or a change in a batch (the adapter asks for batches).
    grace.adapter.socket.on('presence:typing', (message: { ttlMs: number }) => ttls.push(message.ttlMs))
    grace.adapter.socket.on('presence:batch', (message: BatchMessage) => {
      for (const change of message.changes) if (change.type === 'typing') ttls.push(change.ttlMs)
    })
    adaRoom.startTyping()
    await waitFor(
      () => graceRoom.get().typing.map((member) => member.userId),
      (ids) => ids.includes('ada'),
      'typing',
    )
    adaRoom.stopTyping()
    await waitFor(
      () => graceRoom.get().typing.length,
      (count) => count === 0,
      'typing to clear',
    )
    expect(ttls[0]).toBe(4000)
    expect(server.health().connections).toBe(2)
  })

  it('reconnects without blanking the roster and re-sends its own presence', async () => {
    const { url } = await start()
    const ada = connectClient(url, { id: 'ada' }, { leaveGraceMs: 3000 })
    const grace = connectClient(url, { id: 'grace' }, { leaveGraceMs: 3000 })
    const adaRoom = ada.client.room('lobby')
    const graceRoom = grace.client.room('lobby')
    adaRoom.join({ mood: 'fine' })
    graceRoom.join({})
    await waitFor(
      () => adaRoom.get().count,
      (count) => count === 2,
      'two members',
    )
    const graceEvents: string[] = []
    graceRoom.on(['join', 'leave'], (event) => graceEvents.push(`${event.type}:${event.member.userId}`))
    const adaEvents: string[] = []
    adaRoom.on(['join', 'leave'], (event) => adaEvents.push(`${event.type}:${event.member.userId}`))
    // The transport drops (not a goodbye): the client reconnects by itself, with a new socket id.
    const before = ada.adapter.socket.id
    ada.adapter.socket.io.engine.close()
    await waitFor(() => adaRoom.get().stale, Boolean, 'ada to notice the drop', 2000)
    expect(userIds(adaRoom.get())).toEqual(['ada', 'grace'])
    await waitFor(
      () => adaRoom.get(),
      (state) => state.status === 'connected' && !state.stale,
      'ada back',
      5000,
    )
    expect(ada.adapter.socket.id).not.toBe(before)
    await waitFor(
      () => graceRoom.get('ada')?.connections[0]?.connectionId,
      (id) => id === ada.adapter.socket.id,
      'ada re-entered',
    )
    expect(graceRoom.get('ada')?.data).toEqual({ mood: 'fine' })
    expect(userIds(adaRoom.get())).toEqual(['ada', 'grace'])
    // Within the leave grace the drop is invisible: no leave, no join on either side.
    expect(graceEvents).toEqual([])
    expect(adaEvents).toEqual([])
  })

  it('removes a client that stops answering heartbeats', async () => {
    const { url, server } = await start({ pingIntervalMs: 200, pingTimeoutMs: 300 })
    const grace = connectClient(url, { id: 'grace' })
    const room = grace.client.room('lobby')
    room.watch()
    const silent = connectRaw(url, { token: tokenFor('ghost') })
    await connected(silent)
    silent.emit('presence:join', { room: 'lobby', data: {} })
    await waitFor(() => room.isUserPresent('ghost'), Boolean, 'the join')
    // The client stays connected as far as it knows, but answers no ping: a vanished tab.
    // engine.io-client has no public hook for outgoing packets; its internal sender is wrapped.
    const sender = '_sendPacket'
    const engine = silent.io.engine as unknown as Record<
      typeof sender,
      (type: string, ...rest: unknown[]) => void
    >
    const send = engine[sender].bind(engine)
    engine[sender] = (type, ...rest) => {
      if (type !== 'pong') send(type, ...rest)
    }
    const stoppedAt = Date.now()
    await waitFor(
      () => room.isUserPresent('ghost'),
      (present) => !present,
      'the heartbeat to end it',
      3000,
    )
    expect(Date.now() - stoppedAt).toBeGreaterThanOrEqual(200)
    expect(server.connections('lobby')).toEqual([])
  })

  it('serves /healthz when it owns the HTTP server', async () => {
    const { url, server } = await start({ nodeId: 'health-node' })
    const response = await fetch(`${url}/healthz`)
    expect(response.status).toBe(200)
    const body = (await response.json()) as Record<string, unknown>
    expect(body).toMatchObject({ status: 'ok', node: 'health-node', redis: 'disabled', connections: 0 })
    expect((await fetch(`${url}/elsewhere`)).status).toBe(404)
    await server.close()
    expect(server.health().status).toBe('closing')
  })
})
