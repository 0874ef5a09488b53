import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { outdatedTimeout } from 'y-protocols/awareness'
import { createYjsAdapter } from '../../src/yjs/index.js'
import { observeRoom, TIMINGS, type ObservedRoom } from '../contract/observe.js'
import { AwarenessLink, type LinkedProvider } from './awareness-link.js'

/**
 * Ages what `awareness` knows of `clientID` by `ms`. lib0 reads the time through its own copy of
 * `Date.now`, which fake timers cannot reach; the awareness's check interval is a timer they can.
 */
function age(provider: LinkedProvider, clientID: number, ms: number): void {
  provider.awareness.meta.get(clientID)!.lastUpdated -= ms
}

/** Lets timers run `ms` on the fake clock, with the microtasks between them. */
async function elapse(ms: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms)
}

describe('yjs adapter on y-protocols awareness', () => {
  let link: AwarenessLink
  const rooms: ObservedRoom[] = []

  beforeEach(() => {
    vi.useFakeTimers()
    link = new AwarenessLink()
  })
  afterEach(() => {
    for (const room of rooms.splice(0)) room.destroy()
    link.destroy()
    vi.useRealTimers()
  })

  function observer(userId = 'me'): { observed: ObservedRoom; provider: LinkedProvider } {
    const provider = link.add()
    const observed = observeRoom(
      createYjsAdapter({ connectOnServer: true, awareness: provider.awareness, provider }),
      userId,
      'doc',
    )
    observed.room.watch()
    rooms.push(observed)
    return { observed, provider }
  }

  function peer(state: Record<string, unknown>): LinkedProvider {
    const provider = link.add()
    provider.awareness.setLocalState(state)
    return provider
  }

  it('groups awareness clients by user: the kit field, or a plain `user` field with an id', async () => {
    const { observed } = observer()
    peer({ presence: { userId: 'ada', data: { tab: 1 } } })
    peer({ presence: { userId: 'ada', data: { tab: 2 } } })
    peer({ user: { id: 'grace', name: 'Grace Hopper', color: '#f0f' }, cursor: { x: 1 } })
    peer({ cursor: { x: 2 } }) // no user: not a presence
    await elapse(0)
    const state = observed.room.get()
    expect(state.members.map((m) => m.userId).toSorted()).toEqual(['ada', 'grace'])
    expect(observed.room.get('ada')?.connections).toHaveLength(2)
    expect(observed.room.get('grace')?.info?.name).toBe('Grace Hopper')
    // Her second tab adds a connection to the member: never a second join.
    expect(observed.about('ada').filter((e) => e === 'join')).toHaveLength(1)
  })

  it('orders by the awareness clock and writes only its own field of the local state', async () => {
    const { observed, provider } = observer('ada')
    provider.awareness.setLocalStateField('cursor', { x: 3 })
    observed.room.join({ mood: 'hi' })
    await elapse(0)
    const own = provider.awareness.getLocalState()!
    expect(own.cursor).toEqual({ x: 3 })
    expect(own.presence).toMatchObject({ userId: 'ada', data: { mood: 'hi' }, typing: false })
    const other = observer('grace')
    await elapse(0)
    const connection = other.observed.room.get('ada')!.connections[0]!
    expect(connection.connectionId).toBe(String(provider.awareness.clientID))
    expect(connection.version).toBe(other.provider.awareness.meta.get(provider.awareness.clientID)!.clock)
    observed.room.leave()
    await elapse(TIMINGS.leaveGraceMs + 10)
    expect(provider.awareness.getLocalState()).toMatchObject({ cursor: { x: 3 }, presence: null })
    expect(other.observed.room.isUserPresent('ada')).toBe(false)
  })

  it('drops a client after the 30 s outdated timeout, and a client that comes back is a join', async () => {
    const { observed, provider } = observer()
    const ada = peer({ presence: { userId: 'ada', data: {} } })
    const adaId = ada.awareness.clientID
    await elapse(0)
    expect(observed.room.isUserPresent('ada')).toBe(true)
    // Ada's renewals stop reaching us (her link is gone, nobody told us).
    ada.connected = false
    age(provider, adaId, outdatedTimeout - 5_000)
    await elapse(outdatedTimeout / 10)
    expect(observed.room.isUserPresent('ada')).toBe(true)
    age(provider, adaId, 5_000)
    await elapse(outdatedTimeout / 10 + TIMINGS.leaveGraceMs)
    expect(observed.room.isUserPresent('ada')).toBe(false)
    expect(observed.about('ada')).toEqual(['join', 'leave'])
    // Back: her next renewal carries a newer clock, which the awareness lists as an update.
    ada.connected = true
    age(ada, adaId, outdatedTimeout / 2)
    await elapse(outdatedTimeout / 10)
    expect(observed.room.isUserPresent('ada')).toBe(true)
    expect(observed.about('ada')).toEqual(['join', 'leave', 'join'])
  })

  it('keeps remote clients through a reconnect of its own link, without a leave or a join', async () => {
    const { observed, provider } = observer()
    const ada = peer({ presence: { userId: 'ada', data: { v: 1 } } })
    const grace = peer({ presence: { userId: 'grace', data: {} } })
    await elapse(0)
    link.drop(provider)
    await elapse(0)
    expect(observed.room.get().stale).toBe(true)
    // Grace really leaves while we are away; ada stays but the link re-sends her old clock.
    link.drop(grace)
    grace.connected = false
    link.restore(provider)
    await elapse(0)
    expect(observed.room.get().stale).toBe(false)
    expect(observed.room.isUserPresent('ada')).toBe(true)
    expect(observed.about('ada')).toEqual(['join'])
    // Ada renews and is confirmed; grace never does and goes after one outdated timeout.
    age(ada, ada.awareness.clientID, outdatedTimeout / 2)
    await elapse(outdatedTimeout / 10)
    await elapse(outdatedTimeout + TIMINGS.leaveGraceMs)
    expect(observed.room.isUserPresent('ada')).toBe(true)
    expect(observed.about('ada')).toEqual(['join'])
    expect(observed.room.isUserPresent('grace')).toBe(false)
    expect(observed.about('grace')).toEqual(['join', 'leave'])
  })

  it('carries typing as a flag of the awareness state', async () => {
    const { observed } = observer()
    const ada = peer({ presence: { userId: 'ada', data: {}, typing: true } })
    await elapse(0)
    expect(observed.room.get().typing.map((m) => m.userId)).toEqual(['ada'])
    ada.awareness.setLocalStateField('presence', { userId: 'ada', data: {}, typing: false })
    await elapse(0)
    expect(observed.room.get().typing).toEqual([])
  })

  it('reports a state of the wrong shape as an error and shows nothing for it', async () => {
    const { observed } = observer()
    peer({ presence: { userId: ['ada'] } })
    peer({ user: { id: 7 } })
    await elapse(0)
    expect(observed.names().filter((n) => n.startsWith('error:'))).toEqual([
      'error:invalid-input',
      'error:invalid-input',
    ])
    expect(observed.room.get().members).toEqual([])
  })
})
