import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { conn, connectAndSync, setupRoom, useFakeClock } from '../fixtures/setup.js'

beforeEach(() => useFakeClock())
afterEach(() => vi.useRealTimers())

describe('user info', () => {
  it('resolves each user once however many rooms show them, and attaches the info', async () => {
    const resolveUser = vi.fn(async (id: string) => ({ name: id.toUpperCase() }))
    const { client, adapter } = setupRoom({ resolveUser })
    for (const name of ['a', 'b']) {
      client.room(name).watch()
      adapter.sink(name).status('connected', { connectionId: `me-${name}` })
      adapter.sink(name).snapshot([conn('ada', `ada-${name}`)])
    }
    expect(resolveUser).toHaveBeenCalledTimes(1)
    await vi.runAllTimersAsync()
    expect(client.room('a').get('ada')?.info).toEqual({ name: 'ADA' })
    expect(client.room('b').get('ada')?.info).toEqual({ name: 'ADA' })
  })

  it('accepts a synchronous resolver', () => {
    const { room, sink } = setupRoom({ resolveUser: (id) => ({ name: `sync ${id}` }) })
    room.watch()
    connectAndSync(sink(), [conn('ada', 'a1')])
    expect(room.get('ada')?.info).toEqual({ name: 'sync ada' })
  })

  it('drops the cached info when the user is gone, and asks again when they return', () => {
    const resolveUser = vi.fn((id: string) => ({ name: id }))
    const { room, sink } = setupRoom({ resolveUser, leaveGraceMs: 0, offlineRetentionMs: 1_000 })
    room.watch()
    connectAndSync(sink(), [conn('ada', 'a1')])
    sink().leave({ userId: 'ada', connectionId: 'a1' })
    vi.advanceTimersByTime(1_000)
    sink().join(conn('ada', 'a2'))
    expect(resolveUser).toHaveBeenCalledTimes(2)
  })

  it('a failing resolver is reported and the member falls back to the profile', async () => {
    const { room, sink, takeEvents } = setupRoom({
      resolveUser: async () => {
        throw new Error('directory down')
      },
    })
    room.watch()
    connectAndSync(sink(), [conn('ada', 'a1', { profile: { name: 'Ada (profile)' } })])
    await vi.runAllTimersAsync()
    const errors = takeEvents().filter((e) => e.type === 'error')
    expect(errors.map((e) => e.type === 'error' && e.error.code)).toEqual(['resolve-user-failed'])
    expect(room.get('ada')?.info).toEqual({ name: 'Ada (profile)' })
  })

  it('the self member carries the client user as info', () => {
    const { room, sink } = setupRoom()
    room.join({})
    connectAndSync(sink())
    expect(room.get().self?.info).toMatchObject({ id: 'me', name: 'Me' })
  })
})
