import { createPresenceServer, createPresenceToken, type PresenceServer } from '@presence-kit/server'
import * as client from 'socket.io-client'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createSocketIoAdapter, PROTOCOL_VERSION } from '../../src/socket-io/index.js'
import { eventually, observeRoom, type ObservedRoom } from '../contract/observe.js'
import { recordingSink } from '../connect/recording-client.js'

// The real socket.io-client, with `io` wrapped so that every socket made is counted.
vi.mock('socket.io-client', async (importOriginal) => {
  const actual = await importOriginal<typeof import('socket.io-client')>()
  return { ...actual, io: vi.fn(actual.io) }
})
const io = vi.mocked(client.io)

const SECRET = 'lazy-socket-test-secret-of-enough-length'

describe('the socket-io adapter connects when the first room opens', () => {
  let server: PresenceServer
  let url: string
  const cleanups: (() => void)[] = []
  /** The sockets the reference server holds: presence connections that reached it. */
  const connected = async () => (await server.io.fetchSockets()).length

  beforeEach(async () => {
    io.mockClear()
    server = createPresenceServer({ secret: SECRET, logger: 'silent' })
    const { port } = await server.listen(0, '127.0.0.1')
    url = `http://127.0.0.1:${port}`
  })
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) cleanup()
    await server.close()
  })

  const observe = (adapter: ReturnType<typeof createSocketIoAdapter>): ObservedRoom => {
    const observed = observeRoom(adapter, 'ada', 'lobby')
    cleanups.push(
      () => observed.destroy(),
      () => adapter.destroy?.(),
    )
    return observed
  }

  it('makes no socket and asks for no token when it is made', async () => {
    const token = vi.fn(() => createPresenceToken({ userId: 'ada' }, SECRET))
    const adapter = createSocketIoAdapter({ url, token, connectOnServer: true })
    cleanups.push(() => adapter.destroy?.())
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(io).not.toHaveBeenCalled()
    expect(token).not.toHaveBeenCalled()
    expect(await connected()).toBe(0)
  })

  it('opens nothing for a room opened while server rendering, and stays connecting', async () => {
    expect('window' in globalThis).toBe(false)
    const token = vi.fn(() => createPresenceToken({ userId: 'ada' }, SECRET))
    const adapter = createSocketIoAdapter({ url, token })
    cleanups.push(() => adapter.destroy?.())
    const { sink, statuses, errors } = recordingSink()
    adapter.openRoom({ room: 'lobby', user: { id: 'ada' }, sink })
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(io).not.toHaveBeenCalled()
    expect(token).not.toHaveBeenCalled()
    expect(await connected()).toBe(0)
    expect(statuses).toEqual(['connecting'])
    expect(errors).toEqual([])
  })

  it('honours autoConnect: false by connecting on the first room', async () => {
    const token = vi.fn(() => createPresenceToken({ userId: 'ada' }, SECRET))
    const adapter = createSocketIoAdapter({
      url,
      token,
      socketOptions: { autoConnect: false, forceNew: true },
      connectOnServer: true,
    })
    expect(io).not.toHaveBeenCalled()
    const ada = observe(adapter)
    ada.room.join({ mood: 'hi' })
    await eventually(() => expect(ada.room.get().status).toBe('connected'))
    await eventually(() => expect(ada.room.get().self?.data).toEqual({ mood: 'hi' }))
    expect(io).toHaveBeenCalledTimes(1)
    expect(token).toHaveBeenCalledTimes(1)
    expect(await connected()).toBe(1)
  })

  it("connects the app's own socket made with autoConnect: false, and leaves it open on destroy", async () => {
    const socket = client.io(url, {
      autoConnect: false,
      forceNew: true,
      transports: ['websocket'],
      auth: { token: createPresenceToken({ userId: 'ada' }, SECRET), protocol: PROTOCOL_VERSION },
    })
    cleanups.push(() => socket.disconnect())
    const adapter = createSocketIoAdapter({ socket, connectOnServer: true })
    expect(adapter.socket).toBe(socket)
    expect(socket.active).toBe(false)
    const ada = observe(adapter)
    ada.room.watch()
    await eventually(() => expect(ada.room.get().status).toBe('connected'))
    expect(io).toHaveBeenCalledTimes(1)
    adapter.destroy?.()
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(socket.connected).toBe(true)
    expect(await connected()).toBe(1)
  })
})
