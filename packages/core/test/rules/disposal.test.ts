import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPresenceClient } from '../../src/client.js'
import { createScriptedAdapter } from '../fixtures/scripted-adapter.js'
import { conn, connectAndSync, setupRoom, SELF, useFakeClock } from '../fixtures/setup.js'

beforeEach(() => useFakeClock())
afterEach(() => vi.useRealTimers())

describe('rule 12: everything is owned by something disposable', () => {
  it('a mount, unmount, mount sequence ends with one join and no leave', async () => {
    const { room, adapter } = setupRoom()
    const release1 = room.acquire({ mood: 'hi' })
    release1()
    const release2 = room.acquire({ mood: 'hi' })
    await Promise.resolve()
    expect(adapter.callsOf('enter')).toHaveLength(1)
    expect(adapter.callsOf('leave')).toHaveLength(0)
    expect(adapter.openCount('lobby')).toBe(1)
    release2()
    await Promise.resolve()
    expect(adapter.callsOf('leave')).toHaveLength(1)
    expect(adapter.callsOf('close')).toHaveLength(1)
  })

  it('two holders of one room share one join; the last release leaves', async () => {
    const { room, adapter } = setupRoom()
    const a = room.acquire({})
    const b = room.acquire({})
    a()
    a()
    await Promise.resolve()
    expect(adapter.callsOf('leave')).toHaveLength(0)
    b()
    await Promise.resolve()
    expect(adapter.callsOf('enter')).toHaveLength(1)
    expect(adapter.callsOf('leave')).toHaveLength(1)
  })

  it('watchers keep the room open after the last joiner leaves', async () => {
    const { room, adapter } = setupRoom()
    const stopWatching = room.watch()
    const release = room.acquire({})
    release()
    await Promise.resolve()
    expect(adapter.callsOf('leave')).toHaveLength(1)
    expect(adapter.isOpen('lobby')).toBe(true)
    stopWatching()
    await Promise.resolve()
    expect(adapter.isOpen('lobby')).toBe(false)
  })

  it('late input after close is ignored', async () => {
    const { room, adapter } = setupRoom()
    const stop = room.watch()
    const sink = adapter.sink('lobby')
    connectAndSync(sink, [conn('ada', 'a1')])
    stop()
    await Promise.resolve()
    sink.join(conn('grace', 'g1'))
    expect(room.get().members).toEqual([])
  })

  it('creating and destroying 1,000 rooms leaves no timer or listener', async () => {
    const adapter = createScriptedAdapter()
    const client = createPresenceClient({ adapter, user: SELF, batch: 'frame' })
    const timersBefore = vi.getTimerCount()
    for (let i = 0; i < 1_000; i++) {
      const room = client.room(`room-${i}`)
      room.on('join', () => {})
      const release = room.acquire({ i })
      const sink = adapter.sink(`room-${i}`)
      sink.status('connected', { connectionId: `me-${i}` })
      sink.snapshot([conn('ada', `a${i}`, { activity: { inactiveMs: 0, hidden: false, away: false } })])
      sink.typing({ userId: 'ada', typing: true })
      room.startTyping()
      if (i % 2 === 0) release()
    }
    await Promise.resolve()
    client.destroy()
    expect(vi.getTimerCount()).toBe(timersBefore)
    expect(client.rooms()).toHaveLength(0)
    expect(adapter.destroyed).toBe(true)
    expect(adapter.callsOf('close')).toHaveLength(1_000)
  })

  it('client.destroy() leaves every room and releases listeners', () => {
    const { client, room, adapter } = setupRoom()
    room.join({})
    client.destroy()
    expect(adapter.callsOf('leave')).toHaveLength(1)
    expect(room.listenerCount()).toBe(0)
    expect(room.resources().open).toBe(false)
    expect(() => client.room('another')).toThrow(/after client.destroy/)
  })
})
