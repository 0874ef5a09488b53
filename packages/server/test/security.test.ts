import { afterEach, describe, expect, it } from 'vitest'
import { createPresenceServer, createPresenceToken, type PresenceServer } from '../src/index.js'
import { SECRET, closeAllClients, connectClient, connectRaw, tokenFor, userIds } from './helpers/clients.js'
import { collectErrors, connected, next, refusal } from './helpers/raw.js'
import { sleep, waitFor } from './helpers/wait.js'

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

describe('identity', () => {
  it('refuses a missing, forged, tampered or expired token', async () => {
    const { url } = await start()
    expect(await refusal(connectRaw(url, {}))).toBe('unauthorized')
    expect(await refusal(connectRaw(url, { token: tokenFor('ada', 'another-secret-of-length') }))).toBe(
      'unauthorized',
    )
    const [body, signature] = tokenFor('mallory').split('.') as [string, string]
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, unknown>
    const forgedBody = Buffer.from(JSON.stringify({ ...claims, sub: 'ada' })).toString('base64url')
    expect(await refusal(connectRaw(url, { token: `${forgedBody}.${signature}` }))).toBe('unauthorized')
    const expired = createPresenceToken({ userId: 'ada' }, SECRET, {
      expiresInSeconds: 60,
      now: Date.now() - 120_000,
    })
    expect(await refusal(connectRaw(url, { token: expired }))).toBe('unauthorized')
    expect(await refusal(connectRaw(url, { token: 'not-a-token' }))).toBe('unauthorized')
  })

  it('takes the user from the token, never from what the client claims', async () => {
    const { url, server } = await start()
    const watcher = connectClient(url, { id: 'grace' })
    const room = watcher.client.room('lobby')
    room.watch()
    const mallory = connectRaw(url, { token: tokenFor('mallory'), userId: 'ada' }, { userId: 'ada' })
    await connected(mallory)
    mallory.emit('presence:join', {
      room: 'lobby',
      userId: 'ada',
      connectionId: 'x',
      data: { userId: 'ada' },
    })
    await waitFor(
      () => userIds(room.get()),
      (ids) => ids.length === 1,
      'the join',
    )
    expect(userIds(room.get())).toEqual(['mallory'])
    expect(server.connections('lobby')).toMatchObject([{ userId: 'mallory', connectionId: mallory.id }])
  })

  it('trusts the query only in development mode', async () => {
    const strict = await start()
    expect(await refusal(connectRaw(strict.url, {}, { userId: 'ada' }))).toBe('unauthorized')
    const dev = await start({ devMode: true, logger: { debug() {}, info() {}, warn() {}, error() {} } })
    const socket = connectRaw(dev.url, {}, { userId: 'ada', name: 'Ada' })
    const welcome = next<{ user: { id: string; name: string } }>(socket, 'presence:welcome')
    expect((await welcome).user).toEqual({ id: 'ada', name: 'Ada' })
  })

  it('refuses a client of another protocol version', async () => {
    const { url } = await start()
    expect(await refusal(connectRaw(url, { token: tokenFor('ada'), protocol: 99 }))).toBe(
      'unsupported-protocol',
    )
  })

  it('bounds the connections of one user', async () => {
    const { url } = await start({ limits: { maxConnectionsPerUser: 2 } })
    await connected(connectRaw(url, { token: tokenFor('ada') }))
    await connected(connectRaw(url, { token: tokenFor('ada') }))
    expect(await refusal(connectRaw(url, { token: tokenFor('ada') }))).toBe('too-many-connections')
    await connected(connectRaw(url, { token: tokenFor('grace') }))
  })
})

describe('authorization', () => {
  it('keeps a user out of a room it may not join or watch', async () => {
    const { url, server } = await start({
      authorize: (user, room, action) => room !== 'board' || user.userId === 'ada' || action === 'watch',
    })
    const ada = connectClient(url, { id: 'ada' })
    const adaRoom = ada.client.room('board')
    adaRoom.join({})
    await waitFor(
      () => adaRoom.get().count,
      (count) => count === 1,
      'ada in the board room',
    )
    const mallory = connectClient(url, { id: 'mallory' })
    const malloryRoom = mallory.client.room('board')
    const errors: string[] = []
    malloryRoom.on('error', (event) => errors.push((event.error.detail as { code: string }).code))
    malloryRoom.join({})
    await waitFor(
      () => errors,
      (list) => list.length > 0,
      'a forbidden answer',
    )
    expect(errors).toEqual(['forbidden'])
    await sleep(100)
    expect(server.connections('board').map((connection) => connection.userId)).toEqual(['ada'])
    expect(userIds(adaRoom.get())).toEqual(['ada'])

    const { url: closedUrl } = await start({ authorize: (_user, room) => room !== 'hidden' })
    const spy = connectRaw(closedUrl, { token: tokenFor('mallory') })
    const spyErrors = collectErrors(spy)
    let snapshots = 0
    spy.on('presence:snapshot', () => snapshots++)
    await connected(spy)
    spy.emit('presence:watch', { room: 'hidden' })
    await waitFor(
      () => spyErrors.length,
      (count) => count === 1,
      'a forbidden watch',
    )
    expect(spyErrors[0]).toMatchObject({ code: 'forbidden', room: 'hidden', event: 'presence:watch' })
    expect(snapshots).toBe(0)
  })

  it('treats an authorize that throws as a refusal', async () => {
    const { url } = await start({
      authorize: () => {
        throw new Error('policy store down')
      },
    })
    const socket = connectRaw(url, { token: tokenFor('ada') })
    const errors = collectErrors(socket)
    await connected(socket)
    socket.emit('presence:join', { room: 'lobby', data: {} })
    await waitFor(
      () => errors.length,
      (count) => count === 1,
      'a refusal',
    )
    expect(errors[0]?.code).toBe('forbidden')
  })
})

describe('bad input', () => {
  it('answers malformed and oversized messages with codes and keeps the state right', async () => {
    const { url, server } = await start({ limits: { maxDataBytes: 256, maxMessageBytes: 1024 } })
    const grace = connectClient(url, { id: 'grace' })
    const graceRoom = grace.client.room('lobby')
    graceRoom.join({ ok: true })
    const socket = connectRaw(url, { token: tokenFor('mallory') })
    const errors = collectErrors(socket)
    await connected(socket)
    socket.emit('presence:join', { room: 'lobby', data: { name: 'mallory' } })
    await waitFor(() => graceRoom.isUserPresent('mallory'), Boolean, 'mallory to join')

    const bad: Array<[string, unknown, string]> = [
      ['presence:join', 'not an object', 'invalid-message'],
      ['presence:join', { room: 42, data: {} }, 'invalid-message'],
      ['presence:join', { room: '', data: {} }, 'invalid-message'],
      ['presence:update', { room: 'lobby', data: [1, 2] }, 'invalid-message'],
      [
        'presence:update',
        { room: 'lobby', data: { a: 1 }, activity: { inactiveMs: -1, hidden: 1 } },
        'invalid-message',
      ],
      ['presence:update', { room: 'lobby', data: { blob: Buffer.from('binary') } }, 'invalid-message'],
      ['presence:update', { room: 'lobby', data: { text: 'x'.repeat(400) } }, 'data-too-large'],
      ['presence:update', { room: 'lobby', data: { text: 'x'.repeat(2000) } }, 'message-too-large'],
      ['presence:typing', { room: 'lobby', typing: 'yes' }, 'invalid-message'],
      ['presence:typing', { room: 'elsewhere', typing: true }, 'not-joined'],
      ['presence:sneak', { room: 'lobby' }, 'invalid-message'],
    ]
    for (const [event, payload] of bad) socket.emit(event, payload)
    await waitFor(
      () => errors.length,
      (count) => count === bad.length,
      'an answer to each bad message',
    )
    // Size and rate are checked on arrival, the rest in order of handling: compare as sets of answers.
    expect(errors.map((error) => error.code).toSorted()).toEqual(bad.map(([, , code]) => code).toSorted())
    expect(errors.find((error) => error.code === 'data-too-large')).toMatchObject({
      room: 'lobby',
      event: 'presence:update',
    })

    // The connection still works and nobody saw any of it.
    socket.emit('presence:update', { room: 'lobby', data: { name: 'mallory', n: 2 } })
    await waitFor(
      () => graceRoom.get('mallory')?.data,
      (data) => data?.n === 2,
      'the good update',
    )
    expect(graceRoom.get('mallory')?.data).toEqual({ name: 'mallory', n: 2 })
    expect(graceRoom.get().lastError).toBeUndefined()
    expect(
      server
        .connections('lobby')
        .map((connection) => connection.userId)
        .toSorted(),
    ).toEqual(['grace', 'mallory'])
  })

  it('answers an unknown event sent with an acknowledgement through that acknowledgement', async () => {
    const { url } = await start()
    const socket = connectRaw(url, { token: tokenFor('mallory') })
    const errors = collectErrors(socket)
    await connected(socket)
    const answer = await socket.timeout(5000).emitWithAck('presence:sneak', { room: 'lobby' })
    expect(answer).toEqual({
      ok: false,
      error: { code: 'invalid-message', message: 'unknown event', event: 'presence:sneak' },
    })
    // The acknowledgement replaces the event: a known event answered after it proves none came.
    await socket.timeout(5000).emitWithAck('presence:watch', { room: 'lobby' })
    expect(errors).toEqual([])
  })

  it('cuts a connection that sends a frame past the hard limit, and only that one', async () => {
    const { url, server } = await start({ limits: { maxMessageBytes: 1024 } })
    const grace = connectClient(url, { id: 'grace' })
    const graceRoom = grace.client.room('lobby')
    graceRoom.join({ ok: true })
    const socket = connectRaw(url, { token: tokenFor('mallory') })
    await connected(socket)
    socket.emit('presence:join', { room: 'lobby', data: {} })
    await waitFor(() => graceRoom.isUserPresent('mallory'), Boolean, 'mallory to join')

    const cut = new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)))
    // Four times the message limit is where the transport stops reading instead of answering.
    socket.emit('presence:update', { room: 'lobby', data: { text: 'x'.repeat(5000) } })
    expect(await cut).toBe('transport close')
    await waitFor(
      () => graceRoom.isUserPresent('mallory'),
      (present) => !present,
      'mallory to be gone',
    )

    // The server and everyone else carry on.
    graceRoom.update({ ok: 'still' })
    await waitFor(
      () => server.connections('lobby').map((connection) => connection.data),
      (data) => JSON.stringify(data) === JSON.stringify([{ ok: 'still' }]),
      'grace’s update on the server',
    )
    expect(server.health().status).toBe('ok')
    expect(graceRoom.get().status).toBe('connected')
  })

  it('keeps __proto__ an ordinary key of presence data', async () => {
    const { url } = await start()
    const grace = connectClient(url, { id: 'grace' })
    const room = grace.client.room('lobby')
    room.watch()
    const socket = connectRaw(url, { token: tokenFor('mallory') })
    await connected(socket)
    socket.emit('presence:join', JSON.parse('{"room":"lobby","data":{"__proto__":{"polluted":true},"a":1}}'))
    await waitFor(() => room.get('mallory'), Boolean, 'mallory to join')
    const data = room.get('mallory')?.data as Record<string, unknown>
    expect(Object.keys(data).toSorted()).toEqual(['__proto__', 'a'])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('rate-limits floods of updates and typing while others are served', async () => {
    const { url, server } = await start({
      limits: { updatesPerSecond: 5, typingPerSecond: 2, messagesPerSecond: 1000 },
    })
    const grace = connectClient(url, { id: 'grace' })
    const graceRoom = grace.client.room('lobby')
    graceRoom.join({})
    const flooder = connectRaw(url, { token: tokenFor('mallory') })
    const errors = collectErrors(flooder)
    await connected(flooder)
    for (let n = 0; n < 100; n++) flooder.emit('presence:update', { room: 'lobby', data: { n } })
    flooder.emit('presence:join', { room: 'lobby', data: { n: -1 } })
    await waitFor(
      () => errors.length,
      (count) => count >= 90,
      'rate-limit answers',
    )
    expect(new Set(errors.map((error) => error.code))).toEqual(new Set(['not-joined', 'rate-limited']))
    await sleep(1200)
    flooder.emit('presence:join', { room: 'lobby', data: { n: 'joined' } })
    await waitFor(
      () => graceRoom.get('mallory')?.data,
      (data) => data?.n === 'joined',
      'the join after the flood',
    )
    errors.length = 0
    for (let n = 0; n < 50; n++) flooder.emit('presence:typing', { room: 'lobby', typing: n % 2 === 0 })
    await waitFor(
      () => errors.length,
      (count) => count >= 40,
      'typing rate-limit answers',
    )
    expect(errors.every((error) => error.code === 'rate-limited')).toBe(true)
    // Grace is untouched by all of it.
    const other = connectClient(url, { id: 'ada' })
    other.client.room('lobby').join({ fine: true })
    await waitFor(
      () => graceRoom.get('ada')?.data,
      (data) => data?.fine === true,
      'ada to be served',
    )
    expect(server.health().status).toBe('ok')
    expect(server.connections('lobby')).toHaveLength(3)
  })

  it('disconnects nothing but rejects a message flood beyond the per-second budget', async () => {
    const { url } = await start({ limits: { messagesPerSecond: 10 } })
    const socket = connectRaw(url, { token: tokenFor('mallory') })
    const errors = collectErrors(socket)
    await connected(socket)
    for (let n = 0; n < 60; n++) socket.emit('presence:watch', { room: 'lobby' })
    await waitFor(
      () => errors.length,
      (count) => count >= 30,
      'answers',
    )
    expect(errors.every((error) => error.code === 'rate-limited')).toBe(true)
    expect(socket.connected).toBe(true)
  })

  it('bounds members per room and rooms per connection', async () => {
    const { url, server } = await start({ limits: { maxMembersPerRoom: 2, maxRoomsPerConnection: 2 } })
    const sockets = ['a', 'b', 'c'].map((id) => connectRaw(url, { token: tokenFor(id) }))
    await Promise.all(sockets.map(connected))
    const errorsOfC = collectErrors(sockets[2]!)
    for (const socket of sockets) socket.emit('presence:join', { room: 'small', data: {} })
    await waitFor(
      () => errorsOfC.length,
      (count) => count === 1,
      'room-full',
    )
    expect(errorsOfC[0]?.code).toBe('room-full')
    expect(
      server
        .connections('small')
        .map((connection) => connection.userId)
        .toSorted(),
    ).toEqual(['a', 'b'])
    const errorsOfA = collectErrors(sockets[0]!)
    sockets[0]!.emit('presence:watch', { room: 'second' })
    sockets[0]!.emit('presence:watch', { room: 'third' })
    await waitFor(
      () => errorsOfA.length,
      (count) => count === 1,
      'too-many-rooms',
    )
    expect(errorsOfA[0]?.code).toBe('too-many-rooms')
  })

  it('reports a malformed server message as an error event without touching the roster', async () => {
    // Written into the channel of clients that get single events (batching off); malformed batches
    // are in packages/adapters/test/socket-io/batches.test.ts.
    const { url, server } = await start({ batchWindowMs: 0 })
    const grace = connectClient(url, { id: 'grace' })
    const room = grace.client.room('lobby')
    room.join({})
    await waitFor(
      () => server.connections('lobby').length,
      (count) => count === 1,
      'grace in the room',
    )
    const errors: string[] = []
    room.on('error', (event) => errors.push(event.error.code))
    server.io.to('presence:lobby').emit('presence:join', { room: 'lobby', connection: { connectionId: 7 } })
    server.io.emit('presence:leave', 'garbage')
    await waitFor(
      () => errors.length,
      (count) => count === 2,
      'two error events',
    )
    expect(errors).toEqual(['invalid-input', 'invalid-input'])
    expect(userIds(room.get())).toEqual(['grace'])
  })
})
