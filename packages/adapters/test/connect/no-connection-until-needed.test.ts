import type { PresenceAdapter } from '@presence-kit/core'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createAblyChatAdapter } from '../../src/ably-chat/index.js'
import { createAblyAdapter } from '../../src/ably/index.js'
import { createBroadcastChannelAdapter } from '../../src/broadcast-channel/index.js'
import { createNoLagAdapter } from '../../src/nolag/index.js'
import { createPhoenixAdapter } from '../../src/phoenix/index.js'
import { createPrsmAdapter } from '../../src/prsm/index.js'
import { createPubSubAdapter } from '../../src/pubsub/index.js'
import { createSupabaseAdapter } from '../../src/supabase/index.js'
import { createYjsAdapter } from '../../src/yjs/index.js'
import { recordingClient, recordingSink } from './recording-client.js'

/**
 * Each adapter with a client that records every call made on it. Made, an adapter touches nothing;
 * asked for a room while a page is rendered on a server (no `window`, no `document`), it still
 * touches nothing; in a browser the same room reaches the client (the check that these can fail).
 */
const adapters: Record<string, (client: any) => PresenceAdapter> = {
  phoenix: (socket) => createPhoenixAdapter({ socket }),
  supabase: (client) => createSupabaseAdapter({ client }),
  yjs: (awareness) => createYjsAdapter({ awareness, provider: awareness }),
  pubsub: (client) => createPubSubAdapter({ client }),
  nolag: (client) => createNoLagAdapter({ client }),
  ably: (client) => createAblyAdapter({ client }),
  'ably-chat': (client) => createAblyChatAdapter({ client }),
  prsm: (client) => createPrsmAdapter({ client }),
  'broadcast-channel': (client) =>
    createBroadcastChannelAdapter({ createChannel: (name) => client.channel(name), lifecycle: client }),
}

const context = (sink: ReturnType<typeof recordingSink>['sink']) => ({
  room: 'lobby',
  user: { id: 'ada' },
  sink,
})

afterEach(() => {
  vi.unstubAllGlobals()
})

describe.each(Object.entries(adapters))('the %s adapter', (_name, create) => {
  it('opens nothing when it is made', () => {
    const { client, calls } = recordingClient()
    create(client)
    expect(calls).toEqual([])
  })

  it('opens nothing for a room opened while server rendering, and stays connecting without an error', () => {
    expect('window' in globalThis).toBe(false)
    const { client, calls } = recordingClient()
    const adapter = create(client)
    const { sink, statuses, errors } = recordingSink()
    const room = adapter.openRoom(context(sink))
    room.enter({ data: { mood: 'hi' }, activity: { inactiveMs: 0, hidden: false, away: false } })
    room.typing(true)
    room.leave()
    room.close()
    adapter.destroy?.()
    expect(calls).toEqual([])
    expect(statuses).toEqual(['connecting'])
    expect(errors).toEqual([])
  })

  it('reaches its client once a room opens in a browser', () => {
    vi.stubGlobal('window', {})
    vi.stubGlobal('document', {})
    const { client, calls } = recordingClient()
    const adapter = create(client)
    expect(calls).toEqual([])
    const { sink } = recordingSink()
    try {
      adapter.openRoom(context(sink))
    } catch {
      // The recording client answers nothing sensible: only what was called counts here.
    }
    expect(calls.length).toBeGreaterThan(0)
  })
})
