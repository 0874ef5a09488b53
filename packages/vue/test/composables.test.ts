import type { PresenceData } from '@presence-kit/core'
import { fireEvent, render, screen } from '@testing-library/vue'
import { createApp, effectScope, h, nextTick, ref } from 'vue'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useActivityStatus, useMember } from '../src/composables/use-member.js'
import { useConnectionStatus } from '../src/composables/use-connection-status.js'
import { useLocalActivity } from '../src/composables/use-local-activity.js'
import { useMyPresence, type UseMyPresenceReturn } from '../src/composables/use-my-presence.js'
import { usePresence, type UsePresenceReturn } from '../src/composables/use-presence.js'
import { usePresenceEvent } from '../src/composables/use-presence-event.js'
import { useRoom } from '../src/composables/use-room.js'
import { useTyping } from '../src/composables/use-typing.js'
import { shallowEqual } from '../src/composables/shallow-equal.js'
import { createPresencePlugin, providePresence, usePresenceClient } from '../src/provide.js'
import { component, probe } from './support/define.js'
import { setupClients } from './support/setup-clients.js'

let env: ReturnType<typeof setupClients>
beforeEach(() => {
  env = setupClients()
})
afterEach(() => {
  // Testing Library unmounts in its own afterEach (the setup file), before this one runs.
  env.destroy()
  vi.useRealTimers()
})

const flushMicrotasks = () => new Promise<void>((resolve) => queueMicrotask(resolve))
const userIds = (members: readonly { userId: string }[]) => members.map((m) => m.userId)

const Joiner = component(() => {
  useRoom('lobby')
  return () => null
})

describe('createPresencePlugin, providePresence and usePresenceClient', () => {
  it('usePresenceClient outside a provider throws a PresenceError that says what to do', () => {
    expect(() => usePresenceClient()).toThrow(/app\.use\(createPresencePlugin\(\(\) => createPresenceClient/)
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const Bare = probe(usePresenceClient, () => {})
    expect(() => render(Bare)).toThrowError(
      expect.objectContaining({ name: 'PresenceError', code: 'invalid-state' }),
    )
    warn.mockRestore()
  })

  it('providePresence gives a subtree its own client', () => {
    let seen: unknown
    const Child = probe(usePresenceClient, (client) => (seen = client))
    const Parent = component(() => {
      providePresence(env.other)
      return () => h(Child)
    })
    // The app's client is env.client; the subtree below Parent gets env.other.
    render(Parent, { global: env.global })
    expect(seen).toBe(env.other)
  })
})

describe('useRoom', () => {
  it('joins with the initial presence while mounted and leaves on unmount', async () => {
    vi.useFakeTimers()
    const Comp = component(() => {
      useRoom('lobby', { initialPresence: { mood: 'hi' } })
      return () => null
    })
    const { unmount } = render(Comp, { global: env.global })
    expect(env.counts.enter).toBe(1)
    env.other.room('lobby').watch()
    expect(env.other.room('lobby').get('ada')?.data).toEqual({ mood: 'hi' })
    unmount()
    await flushMicrotasks()
    expect(env.counts.leave).toBe(1)
    vi.advanceTimersByTime(3_000) // the leave grace others wait for a reload
    expect(env.other.room('lobby').isUserPresent('ada')).toBe(false)
  })

  it('with join: false watches the roster without entering presence', () => {
    env.other.room('lobby').join({})
    let room!: ReturnType<typeof useRoom>
    render(
      probe(
        () => useRoom('lobby', { join: false }),
        (value) => (room = value),
      ),
      { global: env.global },
    )
    expect(env.counts.open).toBe(1)
    expect(env.counts.enter).toBe(0)
    expect(room.value.get().members.map((m) => m.userId)).toEqual(['grace'])
  })

  it('two components on one room share one join', async () => {
    const Both = component(() => () => [h(Joiner), h(Joiner)])
    const { unmount } = render(Both, { global: env.global })
    expect(env.counts.enter).toBe(1)
    expect(env.counts.open).toBe(1)
    unmount()
    await flushMicrotasks()
    expect(env.counts.leave).toBe(1)
    expect(env.counts.close).toBe(1)
  })

  it('follows a changing room name: leaves the old room and joins the new one', async () => {
    vi.useFakeTimers()
    const name = ref('lobby')
    const Comp = component(() => {
      useRoom(name)
      return () => null
    })
    render(Comp, { global: env.global })
    env.other.room('lobby').watch()
    env.other.room('kitchen').watch()
    expect(env.other.room('lobby').isUserPresent('ada')).toBe(true)
    name.value = 'kitchen'
    await nextTick()
    await flushMicrotasks()
    expect(env.counts.leave).toBe(1)
    vi.advanceTimersByTime(3_000)
    expect(env.other.room('lobby').isUserPresent('ada')).toBe(false)
    expect(env.other.room('kitchen').isUserPresent('ada')).toBe(true)
    expect(env.client.getUserRooms('ada')).toEqual(['kitchen'])
  })

  it('works in a bare effect scope, released when the scope stops', async () => {
    // Outside components the client comes from the app's context (app.runWithContext).
    const app = createApp({ render: () => null })
    app.use(createPresencePlugin(env.client))
    const inner = effectScope()
    app.runWithContext(() => inner.run(() => useRoom('lobby')))
    expect(env.counts.enter).toBe(1)
    inner.stop()
    await flushMicrotasks()
    expect(env.counts.leave).toBe(1)
  })

  it('unmount leaves no listener, no open room and no timer', async () => {
    vi.useFakeTimers()
    const timersBefore = vi.getTimerCount()
    const Everything = component(() => {
      useRoom('lobby')
      usePresence('lobby')
      useTyping('lobby')
      useConnectionStatus('lobby')
      useMember('lobby', 'grace')
      useMyPresence('lobby')
      usePresenceEvent('lobby', ['join', 'leave'], () => {})
      useLocalActivity()
      return () => null
    })
    const { unmount } = render(Everything, { global: env.global })
    const room = env.client.room('lobby')
    room.startTyping()
    expect(room.listenerCount()).toBe(2)
    unmount()
    await flushMicrotasks()
    expect(room.listenerCount()).toBe(0)
    expect(room.resources().open).toBe(false)
    expect(vi.getTimerCount()).toBe(timersBefore)
  })
})

describe('usePresence', () => {
  it('shows who is in the room, self and others, and follows joins and leaves', () => {
    vi.useFakeTimers()
    env.other.room('lobby').join({})
    let presence!: UsePresenceReturn
    render(
      probe(
        () => (useRoom('lobby'), usePresence('lobby')),
        (value) => (presence = value),
      ),
      { global: env.global },
    )
    // A ref for every field of the snapshot, and the snapshot itself.
    expect(Object.keys(presence).toSorted()).toEqual(
      [...Object.keys(presence.snapshot.value), 'snapshot'].toSorted(),
    )
    expect(presence.synced.value).toBe(true)
    expect(presence.count.value).toBe(2)
    expect(presence.self.value?.userId).toBe('ada')
    expect(userIds(presence.others.value)).toEqual(['grace'])
    env.other.room('lobby').leave()
    vi.advanceTimersByTime(3_000)
    expect(presence.others.value).toEqual([])
    expect(presence.count.value).toBe(1)
  })

  it('renders the count in a template-like render and updates it', async () => {
    const Count = component(() => {
      const { count, synced } = usePresence('lobby')
      return () => h('p', synced.value ? `${count.value} online` : 'Connecting…')
    })
    render(Count, { global: env.global })
    // The first render is the room's initial state (as on a server); the roster comes after mount.
    expect(screen.getByText('Connecting…')).toBeTruthy()
    await nextTick()
    expect(screen.getByText('0 online')).toBeTruthy()
    env.other.room('lobby').join({})
    await nextTick()
    expect(screen.getByText('1 online')).toBeTruthy()
  })

  it('with a selector and an equality, changes only when the selected value does', async () => {
    let renders = 0
    const Names = component(() => {
      const names = usePresence('lobby', (state) => userIds(state.members), shallowEqual)
      return () => (renders++, h('p', names.value.join(',')))
    })
    render(Names, { global: env.global })
    const before = renders
    env.other.room('lobby').join({ n: 1 })
    await nextTick()
    expect(screen.getByText('grace')).toBeTruthy()
    const afterJoin = renders
    expect(afterJoin).toBe(before + 1)
    env.other.room('lobby').update({ n: 2 })
    env.other.room('lobby').update({ n: 3 })
    await nextTick()
    expect(renders).toBe(afterJoin)
  })

  it('follows a changing room name', async () => {
    env.other.room('kitchen').join({})
    const name = ref('lobby')
    let presence!: UsePresenceReturn
    render(
      probe(
        () => usePresence(name),
        (value) => (presence = value),
      ),
      { global: env.global },
    )
    expect(presence.count.value).toBe(0)
    name.value = 'kitchen'
    await nextTick()
    expect(userIds(presence.members.value)).toEqual(['grace'])
  })

  it('a name the client refuses shows an empty room and reports it, without throwing', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    let presence!: UsePresenceReturn
    render(
      probe(
        () => usePresence(() => 42 as unknown as string),
        (value) => (presence = value),
      ),
      { global: env.global },
    )
    expect(presence.count.value).toBe(0)
    expect(presence.synced.value).toBe(false)
    expect(errors).toHaveBeenCalledWith(
      expect.objectContaining({
        code: 'invalid-input',
        message: expect.stringContaining('usePresence() needs a room name'),
      }),
    )
    errors.mockRestore()
  })
})

describe('useMyPresence', () => {
  it('reads and updates the local presence, seen by others', () => {
    let mine!: UseMyPresenceReturn<PresenceData>
    render(
      probe(
        () => useMyPresence<PresenceData>('lobby', { status: 'available' }),
        (value) => (mine = value),
      ),
      { global: env.global },
    )
    expect(mine.data.value).toEqual({ status: 'available' })
    mine.update({ status: 'busy' })
    expect(mine.data.value).toEqual({ status: 'busy' })
    env.other.room('lobby').watch()
    expect(env.other.room('lobby').get('ada')?.data).toEqual({ status: 'busy' })
  })
})

describe('useTyping', () => {
  const TypingBox = component(() => {
    useRoom('lobby')
    const { inputProps, sentence } = useTyping('lobby')
    return () => [
      h('textarea', { 'aria-label': 'Message', ...inputProps }),
      h('p', { 'data-testid': 'sentence' }, sentence.value),
    ]
  })

  it('inputProps signal typing on keys and stop on blur; the sentence shows other typers', async () => {
    env.other.room('lobby').join({})
    render(TypingBox, { global: env.global })
    const box = screen.getByLabelText('Message')
    await fireEvent.keyDown(box, { key: 'a' })
    expect(env.counts.typing).toEqual([true])
    expect(userIds(env.other.room('lobby').get().typing)).toEqual(['ada'])
    await fireEvent.blur(box)
    expect(env.counts.typing).toEqual([true, false])
    env.other.room('lobby').startTyping()
    await nextTick()
    expect(screen.getByTestId('sentence').textContent).toBe('Grace Hopper is typing…')
    env.other.room('lobby').stopTyping()
    await nextTick()
    expect(screen.getByTestId('sentence').textContent).toBe('')
  })

  it('takes sentence options as a ref', async () => {
    env.other.room('lobby').join({})
    const options = ref({ messages: { single: (name: string) => `${name} schreibt…` } })
    let typing!: ReturnType<typeof useTyping>
    render(
      probe(
        () => useTyping('lobby', options),
        (value) => (typing = value),
      ),
      { global: env.global },
    )
    env.other.room('lobby').startTyping()
    expect(typing.sentence.value).toBe('Grace Hopper schreibt…')
    options.value = { messages: { single: (name: string) => `${name} écrit…` } }
    expect(typing.sentence.value).toBe('Grace Hopper écrit…')
  })

  it('stops typing in the old room when the room name changes', async () => {
    const name = ref('lobby')
    let typing!: ReturnType<typeof useTyping>
    render(
      probe(
        () => (useRoom(name), useTyping(name)),
        (value) => (typing = value),
      ),
      { global: env.global },
    )
    typing.startTyping()
    expect(env.client.room('lobby').isTyping()).toBe(true)
    name.value = 'kitchen'
    await nextTick()
    expect(env.client.room('lobby').isTyping()).toBe(false)
    expect(env.counts.typing).toEqual([true, false])
  })

  it('stops typing when the component unmounts', () => {
    let typing!: ReturnType<typeof useTyping>
    const { unmount } = render(
      probe(
        () => (useRoom('lobby'), useTyping('lobby')),
        (value) => (typing = value),
      ),
      { global: env.global },
    )
    typing.startTyping()
    unmount()
    expect(env.counts.typing).toEqual([true, false])
  })
})

describe('useMember and useActivityStatus', () => {
  it('follow one member, change when that member changes, and follow a changing user id', async () => {
    env.other.room('lobby').join({ n: 1 })
    const userId = ref('grace')
    let member!: ReturnType<typeof useMember>
    let status!: ReturnType<typeof useActivityStatus>
    render(
      probe(
        () => ({ member: useMember('lobby', userId), status: useActivityStatus('lobby', userId) }),
        (value) => ({ member, status } = value),
      ),
      { global: env.global },
    )
    expect(member.value?.data).toEqual({ n: 1 })
    expect(status.value).toBe('active')
    env.other.activity.setAway(true)
    expect(status.value).toBe('away')
    userId.value = 'nobody'
    await nextTick()
    expect(member.value).toBeUndefined()
    expect(status.value).toBe('offline')
  })
})

describe('useConnectionStatus', () => {
  it('reports reconnecting with the roster kept, then connected', () => {
    let link!: ReturnType<typeof useConnectionStatus>
    let presence!: UsePresenceReturn
    render(
      probe(
        () => (useRoom('lobby'), { link: useConnectionStatus('lobby'), presence: usePresence('lobby') }),
        (value) => ({ link, presence } = value),
      ),
      { global: env.global },
    )
    const read = () => ({ status: link.status.value, stale: link.stale.value, synced: link.synced.value })
    expect(read()).toEqual({ status: 'connected', stale: false, synced: true })
    const connectionId = env.client.room('lobby').get().self?.connections[0]?.connectionId
    env.hub.disconnect(connectionId!, { removeFromRoom: false })
    expect(read()).toEqual({ status: 'reconnecting', stale: true, synced: true })
    expect(presence.count.value).toBe(1)
    env.hub.reconnect(connectionId!)
    expect(read()).toEqual({ status: 'connected', stale: false, synced: true })
  })
})

describe('usePresenceEvent', () => {
  it('calls the handler for the events asked for, one listener, moved when the names change', async () => {
    vi.useFakeTimers()
    const seen: string[] = []
    const events = ref<('join' | 'leave')[]>(['join', 'leave'])
    render(
      probe(
        () => usePresenceEvent('lobby', events, (event) => seen.push(`${event.type}:${event.member.userId}`)),
        () => {},
      ),
      { global: env.global },
    )
    const room = env.client.room('lobby')
    expect([room.listenerCount('join'), room.listenerCount('leave')]).toEqual([1, 1])
    env.other.room('lobby').join({})
    events.value = ['leave']
    await nextTick()
    expect([room.listenerCount('join'), room.listenerCount('leave')]).toEqual([0, 1])
    env.other.room('lobby').leave()
    vi.advanceTimersByTime(3_000)
    env.other.room('lobby').join({})
    expect(seen).toEqual(['join:grace', 'leave:grace'])
  })
})

describe('useLocalActivity', () => {
  it('feeds input from the page into the local activity, and stops on unmount', () => {
    const input = vi.spyOn(env.client.activity, 'input')
    const { unmount } = render(
      probe(
        () => useLocalActivity(),
        () => {},
      ),
      { global: env.global },
    )
    window.dispatchEvent(new Event('pointerdown'))
    expect(input).toHaveBeenCalledTimes(1)
    unmount()
    window.dispatchEvent(new Event('pointerdown'))
    expect(input).toHaveBeenCalledTimes(1)
  })
})
