import { describe, expect, it } from 'vitest'
import type { RoomSink } from '../../src/adapter.js'
import { createPresenceClient } from '../../src/client.js'
import type { PresenceEvent } from '../../src/events.js'
import type { Room } from '../../src/room.js'
import { conn, connectAndSync, SELF } from '../fixtures/setup.js'
import { createScriptedAdapter } from '../fixtures/scripted-adapter.js'
import {
  failAdapterCalls,
  type AdapterFailure,
  type AdapterRoomMethod,
} from '../../src/testing/failing-adapter.js'

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

/** What each method needs to be called: the room joined and synced, then the call under test. */
const scenarios: Record<AdapterRoomMethod, (room: Room, sink: () => RoomSink) => void> = {
  enter: (room) => room.join({ mood: 'hi' }),
  update: (room, sink) => {
    room.join({ mood: 'hi' })
    connectAndSync(sink())
    room.update({ mood: 'busy' })
  },
  leave: (room, sink) => {
    room.watch()
    room.join({ mood: 'hi' })
    connectAndSync(sink())
    room.leave()
  },
  typing: (room, sink) => {
    room.join({ mood: 'hi' })
    connectAndSync(sink())
    room.startTyping()
  },
  close: (room, sink) => {
    const release = room.watch()
    connectAndSync(sink())
    release()
  },
}

// Issue: an adapter whose method threw crashed the component that called it. Each failure must
// become an `adapter-error` on `lastError` and an `error` event, whatever the method.
describe.each<AdapterFailure>(['throws', 'rejects'])('an adapter method that %s', (failure) => {
  it.each<AdapterRoomMethod>(['enter', 'update', 'leave', 'typing', 'close'])(
    '%s is reported as an adapter-error, never thrown',
    async (method) => {
      const scripted = createScriptedAdapter()
      const adapter = failAdapterCalls(scripted, method, failure)
      const client = createPresenceClient({ adapter, user: SELF, batch: 'sync' })
      const room = client.room('lobby')
      const events: PresenceEvent[] = []
      room.on('error', (e) => events.push(e))
      expect(() => scenarios[method](room, () => scripted.sink('lobby'))).not.toThrow()
      await settle()
      expect(scripted.callsOf(method)).toHaveLength(1)
      expect(room.get().lastError).toMatchObject({ code: 'adapter-error', message: `${method} failed` })
      expect(events.map((e) => e.type === 'error' && e.error.message)).toEqual([`${method} failed`])
      client.destroy()
    },
  )
})

describe('after a failed enter', () => {
  it('the room keeps its roster and its own presence, and enters again at the next connection', () => {
    const scripted = createScriptedAdapter()
    const adapter = failAdapterCalls(scripted, 'enter')
    const client = createPresenceClient({ adapter, user: SELF, batch: 'sync' })
    const room = client.room('lobby')
    room.join({ mood: 'hi' })
    expect(room.get().self?.data).toEqual({ mood: 'hi' })
    connectAndSync(scripted.sink('lobby'), [conn('ada', 'a1')])
    expect(room.get().status).toBe('connected')
    expect(room.isUserPresent('ada')).toBe(true)
    expect(scripted.callsOf('enter')).toHaveLength(2)
    client.destroy()
  })
})
