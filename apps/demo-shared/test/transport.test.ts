import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { PresenceClient } from '@presence-kit/core'
import { demoClientOptions } from '../src/client-options.js'
import { readDemoSettings } from '../src/settings.js'
import {
  TRANSPORT_CHOICES,
  addressWithTransport,
  createDemoClient,
  transportChoice,
} from '../src/transport.js'

const PAGE = 'http://127.0.0.1:5173/?user=ada&rooms=lobby'

describe('addressWithTransport', () => {
  it('sets ?transport= and keeps the rest of the address', () => {
    const next = new URL(addressWithTransport(PAGE, 'broadcast-channel'))
    expect(next.searchParams.get('transport')).toBe('broadcast-channel')
    expect(next.searchParams.get('user')).toBe('ada')
    expect(next.searchParams.get('rooms')).toBe('lobby')
    expect(readDemoSettings(next.search).transport).toBe('broadcast-channel')
  })

  it('leaves the default out of the address', () => {
    const back = addressWithTransport(`${PAGE}&transport=broadcast-channel`, 'server')
    expect(new URL(back).searchParams.has('transport')).toBe(false)
    expect(readDemoSettings(new URL(back).search).transport).toBe('server')
  })
})

describe('transportChoice', () => {
  it('names each transport for the picker and the header', () => {
    expect(TRANSPORT_CHOICES.map((choice) => choice.id)).toEqual(['server', 'broadcast-channel'])
    expect(transportChoice('server').linkName).toBe('Server')
    expect(transportChoice('broadcast-channel').linkName).toBe('BroadcastChannel')
  })
})

describe('createDemoClient on broadcast-channel', () => {
  const clients: PresenceClient[] = []
  // Adapters connect only in a page: `window` and `document` stand in for one here.
  beforeEach(() => {
    vi.stubGlobal('window', globalThis)
    vi.stubGlobal('document', {})
  })
  afterEach(() => {
    for (const client of clients.splice(0)) client.destroy()
    vi.unstubAllGlobals()
  })

  // Node has a real BroadcastChannel: two clients in one process stand for two tabs, no server.
  it('links two clients of one origin with no server, names included', async () => {
    const settings = readDemoSettings('?transport=broadcast-channel&server=http://127.0.0.1:9')
    const open = (userId: string, name: string) => {
      const options = demoClientOptions(settings, { userId, name, avatar: 'none' }, PAGE)
      const client = createDemoClient(settings.transport, settings, options)
      clients.push(client)
      const room = client.room('transport-test')
      room.join({ name })
      return room
    }
    const ada = open('ada', 'Ada')
    const grace = open('grace', 'Grace')
    const names = (room: typeof ada) =>
      room
        .get()
        .members.map((member) => `${member.userId}:${member.info?.name ?? '?'}`)
        .toSorted()

    await expect.poll(() => names(ada), { timeout: 5_000 }).toEqual(['ada:Ada', 'grace:Grace'])
    await expect.poll(() => names(grace), { timeout: 5_000 }).toEqual(['ada:Ada', 'grace:Grace'])
    expect(ada.get().status).toBe('connected')
  }, 10_000)
})
