import { isPresenceError } from '@presence-kit/core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ContractBackend, ContractHarness } from './harness.js'
import { eventually, observeRoom, sleep, TIMINGS, type ObservedRoom } from './observe.js'

const ROOM = 'lobby'

/** Waits until the room is linked, has had its snapshot and shows nothing stale. */
async function synced(observed: ObservedRoom): Promise<void> {
  await eventually(() => {
    const state = observed.room.get()
    expect(state.status).toBe('connected')
    expect(state.synced).toBe(true)
    expect(state.stale).toBe(false)
  })
}

/**
 * The behaviour every adapter owes the store, checked through `createPresenceClient` against a
 * real (or, where none can run here, faithfully faked) backend. Each adapter's test file calls this
 * with a harness for its backend.
 */
export function runAdapterContract(name: string, harness: ContractHarness): void {
  describe(`${name}: adapter contract`, { timeout: harness.timeoutMs ?? 15_000 }, () => {
    let backend: ContractBackend
    const opened: ObservedRoom[] = []

    beforeEach(async () => {
      backend = await harness.setup()
    })
    afterEach(async () => {
      for (const observed of opened.splice(0)) observed.destroy()
      await backend.close()
    })

    async function watcher(userId = 'me'): Promise<ObservedRoom> {
      const observed = observeRoom(await backend.createAdapter(userId), userId, ROOM)
      opened.push(observed)
      return observed
    }

    it('delivers the roster as a snapshot after connecting', async () => {
      const ada = await backend.createPeer(ROOM, 'ada')
      await ada.join({ mood: 'hi' })
      await backend.settle()
      const me = await watcher()
      me.room.watch()
      await synced(me)
      await eventually(() => expect(me.room.get('ada')?.data).toEqual({ mood: 'hi' }))
      await backend.settle()
      expect(me.about('ada')).toEqual(['join'])
      expect(me.names().filter((n) => n === 'sync').length).toBeGreaterThanOrEqual(1)
      expect(me.room.get().count).toBe(1)
    })

    it('reports a join as one join event', async () => {
      const me = await watcher()
      me.room.watch()
      await synced(me)
      const ada = await backend.createPeer(ROOM, 'ada')
      await ada.join({ mood: 'hi' })
      await eventually(() => expect(me.room.isUserPresent('ada')).toBe(true))
      await backend.settle()
      expect(me.about('ada')).toEqual(['join'])
      expect(me.room.get('ada')?.data).toEqual({ mood: 'hi' })
      expect(me.room.get('ada')?.connections).toHaveLength(1)
    })

    it('reports an update as one update event, never a leave and a join', async () => {
      const me = await watcher()
      me.room.watch()
      await synced(me)
      const ada = await backend.createPeer(ROOM, 'ada')
      await ada.join({ mood: 'hi' })
      await eventually(() => expect(me.room.isUserPresent('ada')).toBe(true))
      await backend.settle()
      const before = me.room.get('ada')!
      me.clear()
      await ada.update({ mood: 'busy' })
      await eventually(() => expect(me.room.get('ada')?.data).toEqual({ mood: 'busy' }))
      await backend.settle()
      expect(me.about('ada')).toEqual(['update'])
      expect(me.room.get('ada')?.connections).toHaveLength(1)
      expect(me.room.get('ada')?.joinedAt).toBe(before.joinedAt)
    })

    it('reports a leave once the leave grace has passed', async () => {
      const me = await watcher()
      me.room.watch()
      await synced(me)
      const ada = await backend.createPeer(ROOM, 'ada')
      await ada.join({ mood: 'hi' })
      await eventually(() => expect(me.room.isUserPresent('ada')).toBe(true))
      me.clear()
      await ada.leave()
      await eventually(() => expect(me.room.isUserPresent('ada')).toBe(false))
      await sleep(TIMINGS.leaveGraceMs)
      expect(me.about('ada')).toEqual(['leave'])
      expect(me.room.get().recentlyLeft.map((m) => m.userId)).toEqual(['ada'])
    })

    it('recognises its own echo: the local user is one member with one connection', async () => {
      const me = await watcher('ada')
      me.room.join({ mood: 'here' })
      await synced(me)
      await backend.settle()
      await sleep(50)
      const self = me.room.get().self
      expect(self?.connections).toHaveLength(1)
      expect(self?.data).toEqual({ mood: 'here' })
      expect(me.room.get().count).toBe(1)
      // Learning the connection's id may rebuild the self member (an update); never a second join.
      expect(me.about('ada').filter((e) => e !== 'update')).toEqual(['join'])
    })

    it('sends enter, update and leave that other clients see as join, one update and leave', async () => {
      const grace = await watcher('grace')
      grace.room.watch()
      await synced(grace)
      const ada = await watcher('ada')
      ada.room.join({ mood: 'hi' })
      await eventually(() => expect(grace.room.get('ada')?.data).toEqual({ mood: 'hi' }))
      await backend.settle()
      ada.room.update({ mood: 'busy' })
      await eventually(() => expect(grace.room.get('ada')?.data).toEqual({ mood: 'busy' }))
      await backend.settle()
      expect(grace.about('ada')).toEqual(['join', 'update'])
      ada.room.leave()
      await eventually(() => expect(grace.room.isUserPresent('ada')).toBe(false))
      expect(grace.about('ada')).toEqual(['join', 'update', 'leave'])
    })

    it('groups a user on two connections into one member, and one tab leaving is not a leave', async () => {
      const grace = await watcher('grace')
      grace.room.watch()
      await synced(grace)
      const firstTab = await watcher('ada')
      const secondTab = await watcher('ada')
      firstTab.room.join({ tab: 1 })
      secondTab.room.join({ tab: 2 })
      await eventually(() => expect(grace.room.get('ada')?.connections).toHaveLength(2))
      await backend.settle()
      expect(grace.room.get().count).toBe(1)
      expect(grace.about('ada')[0]).toBe('join')
      expect(grace.about('ada').filter((e) => e === 'join')).toHaveLength(1)
      // Each tab sees the other as the same member: self, with both connections.
      await eventually(() => expect(firstTab.room.get().self?.connections).toHaveLength(2))
      grace.clear()
      secondTab.room.leave()
      await eventually(() => expect(grace.room.get('ada')?.connections).toHaveLength(1))
      await sleep(TIMINGS.leaveGraceMs + 50)
      expect(grace.room.isUserPresent('ada')).toBe(true)
      expect(grace.about('ada')).not.toContain('leave')
      expect(grace.about('ada')).not.toContain('join')
    })

    it('keeps the roster through a reconnect (stale meanwhile) and resyncs without duplicate events', async () => {
      const ada = await backend.createPeer(ROOM, 'ada')
      await ada.join({ mood: 'hi' })
      const me = await watcher('me')
      me.room.join({ here: true })
      await synced(me)
      await eventually(() => expect(me.room.isUserPresent('ada')).toBe(true))
      await backend.settle()
      const members = me.room.get().members
      me.clear()

      await backend.dropLink(me.adapter)
      await eventually(() => expect(me.room.get().status).toBe('reconnecting'))
      expect(me.room.get().stale).toBe(true)
      expect(me.room.get().members).toBe(members)
      await ada.update({ mood: 'away for lunch' })
      await backend.settle()
      expect(me.room.get('ada')?.data).toEqual({ mood: 'hi' })

      await backend.restoreLink(me.adapter)
      await synced(me)
      await eventually(() => expect(me.room.get('ada')?.data).toEqual({ mood: 'away for lunch' }))
      await backend.settle()
      await sleep(TIMINGS.leaveGraceMs + 50)
      expect(me.about('ada')).toEqual(['update'])
      expect(me.names().filter((n) => n.startsWith('join:') || n.startsWith('leave:'))).toEqual([])
      expect(me.room.get().self?.connections).toHaveLength(1)
      expect(me.room.get().count).toBe(2)
    })

    it('re-sends its own presence after a reconnect, with the latest data', async () => {
      const grace = await watcher('grace')
      grace.room.watch()
      await synced(grace)
      const ada = await watcher('ada')
      ada.room.join({ v: 1 })
      await eventually(() => expect(grace.room.get('ada')?.data).toEqual({ v: 1 }))
      await backend.dropLink(ada.adapter)
      await eventually(() => expect(ada.room.get().status).toBe('reconnecting'))
      // The backend dropped ada's presence with the link; only a re-sent enter brings her back.
      await eventually(() => expect(grace.room.isUserPresent('ada')).toBe(false))
      ada.room.update({ v: 2 })
      await backend.restoreLink(ada.adapter)
      await synced(ada)
      await eventually(() => expect(grace.room.get('ada')?.data).toEqual({ v: 2 }))
      await backend.settle()
      expect(grace.room.get('ada')?.connections).toHaveLength(1)
      expect(ada.room.get().self?.connections).toHaveLength(1)
    })

    it('shows a remote typer, and clears them when they stop', async () => {
      const me = await watcher()
      me.room.watch()
      await synced(me)
      const ada = await backend.createPeer(ROOM, 'ada')
      await ada.join({})
      await eventually(() => expect(me.room.isUserPresent('ada')).toBe(true))
      await ada.typing(true)
      await eventually(() => expect(me.room.get().typing.map((m) => m.userId)).toEqual(['ada']))
      await ada.typing(false)
      await eventually(() => expect(me.room.get().typing).toEqual([]))
    })

    it('expires a typer who never says they stopped', async () => {
      const me = await watcher()
      me.room.watch()
      await synced(me)
      const ada = await backend.createPeer(ROOM, 'ada')
      await ada.join({})
      await eventually(() => expect(me.room.isUserPresent('ada')).toBe(true))
      await ada.typing(true)
      await eventually(() => expect(me.room.get().typing.map((m) => m.userId)).toEqual(['ada']))
      const since = Date.now()
      await eventually(() => expect(me.room.get().typing).toEqual([]), TIMINGS.typing.ttlMs * 4)
      // Not cleared by anything but the receiver's time-to-live.
      expect(Date.now() - since).toBeGreaterThanOrEqual(TIMINGS.typing.ttlMs / 2)
      expect(me.room.isUserPresent('ada')).toBe(true)
    })

    it('sends the local user typing to other clients', async () => {
      const grace = await watcher('grace')
      grace.room.watch()
      await synced(grace)
      const ada = await watcher('ada')
      ada.room.join({})
      await eventually(() => expect(grace.room.isUserPresent('ada')).toBe(true))
      ada.room.startTyping()
      await eventually(() => expect(grace.room.get().typing.map((m) => m.userId)).toEqual(['ada']))
      ada.room.stopTyping()
      await eventually(() => expect(grace.room.get().typing).toEqual([]))
    })

    it('reports a malformed message as an error event and leaves the state unchanged', async () => {
      const me = await watcher()
      me.room.watch()
      await synced(me)
      const ada = await backend.createPeer(ROOM, 'ada')
      await ada.join({ mood: 'hi' })
      await eventually(() => expect(me.room.isUserPresent('ada')).toBe(true))
      await backend.settle()
      const members = me.room.get().members
      me.clear()
      await backend.sendMalformed(ROOM)
      await eventually(() => expect(me.events.some((e) => e.type === 'error')).toBe(true))
      const error = me.events.find((e) => e.type === 'error')
      expect(error?.type === 'error' && isPresenceError(error.error)).toBe(true)
      expect(me.room.get().lastError?.code).toMatch(/^invalid-(input|data)$/)
      expect(me.room.get().members).toBe(members)
      expect(me.names().filter((n) => !n.startsWith('error:'))).toEqual([])
    })
  })
}
