import { createServer, type Server as HttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  createJsonLogger,
  createPresenceServer,
  isPresenceServerError,
  type PresenceServer,
} from '../src/index.js'
import { SECRET, closeAllClients, connectClient, connectRaw, tokenFor, userIds } from './helpers/clients.js'
import { connected } from './helpers/raw.js'
import { sleep, waitFor } from './helpers/wait.js'

let servers: PresenceServer[] = []
let httpServers: HttpServer[] = []

afterEach(async () => {
  closeAllClients()
  await Promise.all(servers.map((server) => server.close()))
  await Promise.all(
    httpServers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))),
  )
  servers = []
  httpServers = []
  vi.restoreAllMocks()
})

function captureLines(): { lines: () => Array<Record<string, unknown>>; write: (line: string) => void } {
  let text = ''
  return {
    write: (line) => void (text += line),
    lines: () =>
      text
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  }
}

describe('hosting', () => {
  it('attaches to an existing HTTP server and leaves its routes alone', async () => {
    const http = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' })
      response.end('the app')
    })
    httpServers.push(http)
    const server = createPresenceServer({ server: http, secret: SECRET, logger: 'silent' })
    servers.push(server)
    await expect(server.listen(0)).rejects.toSatisfy(
      (error: unknown) => isPresenceServerError(error) && error.code === 'invalid-options',
    )
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', () => resolve()))
    const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`

    expect(await (await fetch(`${url}/`)).text()).toBe('the app')
    // /healthz belongs to the app when the app owns the server.
    expect(await (await fetch(`${url}/healthz`)).text()).toBe('the app')

    const ada = connectClient(url, { id: 'ada' })
    const grace = connectClient(url, { id: 'grace' })
    ada.client.room('lobby').join({})
    const graceRoom = grace.client.room('lobby')
    graceRoom.join({})
    await waitFor(
      () => userIds(graceRoom.get()),
      (ids) => ids.length === 2,
      'both members',
    )

    await server.close()
    // Closing the presence layer cuts its sockets but keeps the app's server up.
    expect(server.io.of('/').sockets.size).toBe(0)
    await waitFor(
      () => graceRoom.get().status,
      (status) => status !== 'connected',
      'grace to be cut off',
    )
    expect(http.listening).toBe(true)
    expect(await (await fetch(`${url}/`)).text()).toBe('the app')
  })

  it('shuts down without telling its own clients that everyone left', async () => {
    const server = createPresenceServer({ secret: SECRET, logger: 'silent' })
    servers.push(server)
    const url = `http://127.0.0.1:${(await server.listen(0)).port}`
    const sockets = ['ada', 'grace', 'alan'].map((userId) =>
      connectRaw(url, { token: tokenFor(userId), protocol: 1 }),
    )
    await Promise.all(sockets.map(connected))
    const leaves: unknown[] = []
    for (const socket of sockets) {
      socket.on('presence:leave', (leave: unknown) => leaves.push(leave))
      socket.emit('presence:join', { room: 'lobby', data: {} })
    }
    await waitFor(
      () => server.connections('lobby').length,
      (count) => count === 3,
      'three joins',
    )
    const disconnects = sockets.map(
      (socket) => new Promise<void>((resolve) => socket.once('disconnect', () => resolve())),
    )

    await server.close()
    await Promise.all(disconnects)
    // A leave here would empty the lists the restart is about to fill again: a flicker.
    expect(leaves).toEqual([])
  })
})

describe('development mode and logs', () => {
  it('says loudly at start that identities are not checked', () => {
    const stderr: string[] = []
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stderr.push(String(chunk))
      return true
    })
    const log = captureLines()
    servers.push(createPresenceServer({ devMode: true, logger: createJsonLogger({ write: log.write }) }))
    expect(stderr.join('')).toMatch(/DEVELOPMENT MODE/)
    expect(stderr.join('')).toMatch(/never run this mode where others can connect/)
    expect(log.lines()).toContainEqual(
      expect.objectContaining({ level: 'warn', msg: expect.stringMatching(/development mode/) }),
    )
  })

  it('stays quiet without development mode, and refuses it beside a custom authenticate', () => {
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
    const log = captureLines()
    servers.push(createPresenceServer({ secret: SECRET, logger: createJsonLogger({ write: log.write }) }))
    expect(write).not.toHaveBeenCalled()
    expect(log.lines().filter((line) => line.level === 'warn')).toEqual([])
    expect(() =>
      createPresenceServer({ devMode: true, authenticate: () => ({ userId: 'x' }), logger: 'silent' }),
    ).toThrow(/devMode and authenticate exclude each other/)
  })

  it('writes one JSON object a line, with the level, the node and the fields', async () => {
    const log = captureLines()
    const server = createPresenceServer({
      secret: SECRET,
      nodeId: 'node-under-test',
      logger: createJsonLogger({ level: 'debug', write: log.write, base: { node: 'node-under-test' } }),
    })
    servers.push(server)
    const url = `http://127.0.0.1:${(await server.listen(0)).port}`
    const ada = connectRaw(url, { token: tokenFor('ada'), protocol: 1 })
    await connected(ada)
    ada.disconnect()
    await sleep(100)
    await server.close()

    const lines = log.lines()
    for (const line of lines) {
      expect(typeof line.time).toBe('string')
      expect(Number.isNaN(Date.parse(line.time as string))).toBe(false)
      expect(['debug', 'info', 'warn', 'error']).toContain(line.level)
      expect(line.node).toBe('node-under-test')
    }
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 'info', msg: 'listening', port: expect.any(Number) }),
    )
    expect(lines).toContainEqual(expect.objectContaining({ level: 'debug', msg: 'connected', user: 'ada' }))
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'disconnected', user: 'ada' }))
    expect(lines.at(-1)).toMatchObject({ level: 'info', msg: 'presence server closed' })
  })

  it('keeps a line when its fields cannot be serialised, and leaves out levels below the threshold', () => {
    const log = captureLines()
    const logger = createJsonLogger({ level: 'warn', write: log.write })
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    logger.info('dropped')
    logger.warn('kept', { cyclic })
    logger.error('failed', { error: new TypeError('bad') })
    expect(log.lines()).toEqual([
      expect.objectContaining({ level: 'warn', msg: 'kept', note: 'fields were not serialisable' }),
      expect.objectContaining({
        level: 'error',
        msg: 'failed',
        error: { name: 'TypeError', message: 'bad' },
      }),
    ])
  })
})
