import { createPresenceClient, type PresenceClient, type Room } from '@presence-kit/core'
import {
  createMemoryHub,
  failAdapterCalls,
  type AdapterFailure,
  type AdapterRoomMethod,
} from '@presence-kit/core/testing'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ContractBackend } from './harness.js'
import { eventually, observeRoom, type ObservedRoom } from './observe.js'

const ROOM = 'lobby'

/** Brings the room to where `method` is called, then makes the call under test. */
const scenarios: Record<AdapterRoomMethod, (room: Room) => Promise<void>> = {
  enter: async (room) => room.join({ mood: 'hi' }),
  update: async (room) => {
    room.join({ mood: 'hi' })
    await eventually(() => expect(room.get().synced).toBe(true))
    room.update({ mood: 'busy' })
  },
  leave: async (room) => {
    room.watch()
    room.join({ mood: 'hi' })
    await eventually(() => expect(room.get().synced).toBe(true))
    room.leave()
  },
  typing: async (room) => {
    room.join({ mood: 'hi' })
    await eventually(() => expect(room.get().synced).toBe(true))
    room.startTyping()
  },
  close: async (room) => {
    const release = room.watch()
    await eventually(() => expect(room.get().synced).toBe(true))
    release()
  },
}

/** What the failure cases need of a backend: any adapter contract harness serves. */
type FailureBackend = Pick<ContractBackend, 'createAdapter' | 'createPeer' | 'settle' | 'close'>
interface FailureHarness {
  setup(): Promise<FailureBackend>
  timeoutMs?: number
}

/**
 * What the store owes the UI when an adapter call fails: whichever method throws or rejects, the
 * caller (a component, a timer) sees no exception, and the room reports an `adapter-error` on
 * `lastError` and as an `error` event. `failAdapterCalls` makes the failure; the backend behind it
 * is real, so the room still links, syncs and follows the backend around the failing call.
 */
export function runAdapterFailureContract(name: string, harness: FailureHarness): void {
  describe(`${name}: adapter failures`, { timeout: harness.timeoutMs ?? 15_000 }, () => {
    let backend: FailureBackend
    const opened: ObservedRoom[] = []
    beforeEach(async () => (backend = await harness.setup()))
    afterEach(async () => {
      for (const room of opened.splice(0)) room.destroy()
      await backend.close()
    })

    describe.each<AdapterFailure>(['throws', 'rejects'])('a method that %s', (failure) => {
      it.each<AdapterRoomMethod>(['enter', 'update', 'leave', 'typing', 'close'])(
        '%s becomes an adapter-error, never an exception',
        async (method) => {
          const adapter = failAdapterCalls(await backend.createAdapter('me'), method, failure)
          const me = observeRoom(adapter, 'me', ROOM)
          opened.push(me)
          await expect(scenarios[method](me.room)).resolves.toBeUndefined()
          await eventually(() =>
            expect(me.room.get().lastError).toMatchObject({
              code: 'adapter-error',
              message: `${method} failed`,
            }),
          )
          await backend.settle()
          // A failed enter is sent again at the next `connected`, and may fail again: no other error.
          const errors = me.names().filter((n) => n.startsWith('error:'))
          expect(errors.length).toBeGreaterThan(0)
          expect(new Set(errors)).toEqual(new Set(['error:adapter-error']))
        },
      )
    })

    it('a room whose enter failed still follows the backend', async () => {
      const me = observeRoom(failAdapterCalls(await backend.createAdapter('me'), 'enter'), 'me', ROOM)
      opened.push(me)
      me.room.join({ mood: 'hi' })
      await eventually(() => expect(me.room.get().synced).toBe(true))
      const ada = await backend.createPeer(ROOM, 'ada')
      await ada.join({ mood: 'here' })
      await eventually(() => expect(me.room.get('ada')?.data).toEqual({ mood: 'here' }))
      expect(me.room.get().status).toBe('connected')
    })
  })
}

// The memory hub's adapter stands in for every backend here: the failure is made up around it by
// `failAdapterCalls`, and what is checked is the store's handling of a failing call, which does not
// depend on the backend behind it. Each adapter's own contract file can call
// `runAdapterFailureContract` with its harness as well. The peer is a second kit client.
runAdapterFailureContract('memory hub', {
  async setup() {
    const hub = createMemoryHub({ delivery: 'microtask' })
    const peers: PresenceClient[] = []
    return {
      createAdapter: () => hub.adapter(),
      createPeer(roomName, userId) {
        const client = createPresenceClient({ adapter: hub.adapter(), user: { id: userId }, batch: 'sync' })
        peers.push(client)
        const room = client.room(roomName)
        return {
          userId,
          join: async (data) => room.join(data),
          update: async (data) => room.update(data),
          leave: async () => room.leave(),
          typing: async (typing) => (typing ? room.startTyping() : room.stopTyping()),
        }
      },
      settle: () => new Promise((resolve) => setTimeout(resolve, 5)),
      async close() {
        for (const peer of peers) peer.destroy()
        hub.destroy()
      },
    }
  },
})
