import { describe, expect, it } from 'vitest'
import { createPresenceClient } from '../../src/client.js'
import type { PresenceAdapter } from '../../src/adapter.js'
import { conn, connectAndSync, SELF, setupRoom } from '../fixtures/setup.js'
import { createScriptedAdapter } from '../fixtures/scripted-adapter.js'

describe('room.retry(): try the backend again', () => {
  it('asks the adapter to reconnect, opens the room again and enters with the current presence', () => {
    const { room, sink, adapter } = setupRoom()
    let reconnects = 0
    adapter.reconnect = () => reconnects++
    room.join({ mood: 'first' })
    room.update({ mood: 'latest' })
    sink().status('failed', { error: new Error('refused') })
    expect(room.get().status).toBe('failed')
    room.retry()
    expect(reconnects).toBe(1)
    expect(adapter.openCount('lobby')).toBe(2)
    expect(adapter.callsOf('close')).toHaveLength(1)
    expect(room.get().status).toBe('connecting')
    const enters = adapter.callsOf('enter')
    expect(enters.at(-1)).toMatchObject({ presence: { data: { mood: 'latest' } } })
    // The new link works like the first: connected, snapshot, synced.
    connectAndSync(sink(), [conn('ada', 'a1')], 'me-2')
    expect(room.get()).toMatchObject({ status: 'connected', synced: true })
    expect(
      room
        .get()
        .members.map((m) => m.userId)
        .toSorted(),
    ).toEqual(['ada', 'me'])
    // Entered once on the new link: by the retry, not again when it connected.
    expect(adapter.callsOf('enter')).toHaveLength(2)
  })

  it('keeps the roster, marked stale, until the new link sends a fresh one', () => {
    const { room, sink } = setupRoom()
    room.watch()
    connectAndSync(sink(), [conn('ada', 'a1')])
    const members = room.get().members
    room.retry()
    expect(room.get()).toMatchObject({ status: 'connecting', stale: true, synced: true })
    expect(room.get().members).toBe(members)
    connectAndSync(sink(), [], 'me-2')
    expect(room.get().stale).toBe(false)
  })

  it('ignores input from the link it replaced', () => {
    const { room, sink } = setupRoom()
    room.watch()
    connectAndSync(sink(), [])
    const old = sink()
    room.retry()
    old.join(conn('ghost', 'x1'))
    old.status('connected')
    connectAndSync(sink(), [], 'me-2')
    expect(room.isUserPresent('ghost')).toBe(false)
  })

  it('opens a room whose first open threw', () => {
    const scripted = createScriptedAdapter()
    let fail = true
    const adapter: PresenceAdapter = {
      name: 'flaky',
      openRoom(context) {
        if (fail) throw new Error('backend down')
        return scripted.openRoom(context)
      },
    }
    const client = createPresenceClient({ adapter, user: SELF, batch: 'sync' })
    const room = client.room('lobby')
    room.join({ here: true })
    expect(room.get().status).toBe('failed')
    fail = false
    room.retry()
    expect(scripted.isOpen('lobby')).toBe(true)
    expect(scripted.callsOf('enter')).toHaveLength(1)
    client.destroy()
  })

  it('reports an adapter whose reconnect throws, and still opens the room again', () => {
    const { room, adapter } = setupRoom()
    adapter.reconnect = () => {
      throw new Error('no')
    }
    room.watch()
    room.retry()
    expect(adapter.openCount('lobby')).toBe(2)
    expect(room.get().lastError?.code).toBe('adapter-error')
  })

  it('does nothing for a room nobody watches or joins, and after destroy', () => {
    const { room, adapter, client } = setupRoom()
    let reconnects = 0
    adapter.reconnect = () => reconnects++
    room.retry()
    expect(adapter.openCount('lobby')).toBe(0)
    expect(reconnects).toBe(0)
    room.watch()
    client.destroy()
    const warn = console.warn
    console.warn = () => {}
    try {
      room.retry()
    } finally {
      console.warn = warn
    }
    expect(adapter.openCount('lobby')).toBe(1)
    expect(reconnects).toBe(0)
  })
})
