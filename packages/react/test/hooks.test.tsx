import { act, cleanup, render, renderHook, screen } from '@testing-library/react'
import { StrictMode, useState, type ReactNode } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useActivityStatus, useMember } from '../src/hooks/use-member.js'
import { useConnectionStatus } from '../src/hooks/use-connection-status.js'
import { useMyPresence } from '../src/hooks/use-my-presence.js'
import { usePresence } from '../src/hooks/use-presence.js'
import { usePresenceEvent } from '../src/hooks/use-presence-event.js'
import { useRoom } from '../src/hooks/use-room.js'
import { useTyping } from '../src/hooks/use-typing.js'
import { usePresenceClient } from '../src/provider.js'
import { setupClients } from './support/setup-clients.js'

let env: ReturnType<typeof setupClients>
beforeEach(() => {
  env = setupClients()
})
afterEach(() => {
  // Unmount first: components are meant to go before their client does.
  cleanup()
  env.destroy()
  vi.useRealTimers()
})

const flushMicrotasks = () => act(async () => {})

function Joiner() {
  useRoom('lobby')
  return null
}

function Everything() {
  useRoom('lobby')
  usePresence('lobby')
  useTyping('lobby')
  useConnectionStatus('lobby')
  usePresenceEvent('lobby', ['join', 'leave'], () => {})
  return null
}

function TypingBox() {
  useRoom('lobby')
  const { inputProps, sentence } = useTyping('lobby')
  return (
    <>
      <textarea aria-label="Message" {...inputProps} />
      <p data-testid="sentence">{sentence}</p>
    </>
  )
}

function StartTypingButton() {
  useRoom('lobby')
  const { startTyping } = useTyping('lobby')
  return <button onClick={startTyping}>type</button>
}

describe('PresenceProvider', () => {
  it('hooks outside a provider throw an error that says what to do', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(() => renderHook(() => usePresenceClient())).toThrow(/wrap your app in <PresenceProvider/)
    spy.mockRestore()
  })
})

describe('useRoom', () => {
  it("StrictMode's mount, unmount, mount joins once; unmounting leaves", async () => {
    const strict = ({ children }: { children?: ReactNode }) => (
      <StrictMode>{env.wrapper({ children })}</StrictMode>
    )
    const { unmount } = renderHook(() => useRoom('lobby', { initialPresence: { mood: 'hi' } }), {
      wrapper: strict,
    })
    await flushMicrotasks()
    expect(env.counts.enter).toBe(1)
    expect(env.counts.leave).toBe(0)
    expect(
      env.other
        .room('lobby')
        .get()
        .members.map((m) => m.userId),
    ).toEqual([])
    env.other.room('lobby').watch()
    expect(env.other.room('lobby').get('ada')?.data).toEqual({ mood: 'hi' })
    unmount()
    await flushMicrotasks()
    expect(env.counts.leave).toBe(1)
  })

  it('two components on one room share one join', async () => {
    const { unmount } = render(
      <>
        <Joiner />
        <Joiner />
      </>,
      { wrapper: env.wrapper },
    )
    await flushMicrotasks()
    expect(env.counts.enter).toBe(1)
    expect(env.counts.open).toBe(1)
    unmount()
    await flushMicrotasks()
    expect(env.counts.leave).toBe(1)
    expect(env.counts.close).toBe(1)
  })

  it('unmount leaves no listener, no open room and no timer', async () => {
    vi.useFakeTimers()
    const timersBefore = vi.getTimerCount()
    const { unmount } = render(<Everything />, { wrapper: env.wrapper })
    await flushMicrotasks()
    act(() => env.client.room('lobby').startTyping())
    unmount()
    await flushMicrotasks()
    const room = env.client.room('lobby')
    expect(room.listenerCount()).toBe(0)
    expect(room.resources().open).toBe(false)
    expect(vi.getTimerCount()).toBe(timersBefore)
  })
})

describe('usePresence', () => {
  it('shows who is in the room, self and others, and follows joins and leaves', async () => {
    vi.useFakeTimers()
    env.other.room('lobby').join({})
    const { result } = renderHook(
      () => {
        useRoom('lobby')
        return usePresence('lobby')
      },
      { wrapper: env.wrapper },
    )
    await flushMicrotasks()
    expect(result.current.synced).toBe(true)
    expect(result.current.count).toBe(2)
    expect(result.current.self?.userId).toBe('ada')
    expect(result.current.others.map((m) => m.userId)).toEqual(['grace'])
    act(() => env.other.room('lobby').leave())
    act(() => vi.advanceTimersByTime(3_000))
    expect(result.current.others).toEqual([])
  })

  it('with a selector, renders only when the selected value changes', async () => {
    let renders = 0
    const { result } = renderHook(
      () => {
        renders++
        return usePresence('lobby', (state) => state.count)
      },
      { wrapper: env.wrapper },
    )
    await flushMicrotasks()
    const before = renders
    act(() => env.other.room('lobby').join({ n: 1 }))
    expect(result.current).toBe(1)
    const afterJoin = renders
    act(() => env.other.room('lobby').update({ n: 2 }))
    act(() => env.other.room('lobby').update({ n: 3 }))
    expect(renders).toBe(afterJoin)
    expect(afterJoin).toBe(before + 1)
  })

  it('keeps the same snapshot object when nothing it shows changed', async () => {
    const { result, rerender } = renderHook(() => usePresence('lobby'), { wrapper: env.wrapper })
    await flushMicrotasks()
    const first = result.current
    rerender()
    expect(result.current).toBe(first)
  })
})

describe('useMyPresence', () => {
  it('reads and updates the local presence, seen by others', async () => {
    const { result } = renderHook(() => useMyPresence('lobby', { status: 'available' }), {
      wrapper: env.wrapper,
    })
    await flushMicrotasks()
    expect(result.current[0]).toEqual({ status: 'available' })
    act(() => result.current[1]({ status: 'busy' }))
    expect(result.current[0]).toEqual({ status: 'busy' })
    env.other.room('lobby').watch()
    expect(env.other.room('lobby').get('ada')?.data).toEqual({ status: 'busy' })
  })
})

describe('useTyping', () => {
  it('inputProps signal typing on keys and stop on blur; the sentence shows other typers', async () => {
    env.other.room('lobby').join({})
    render(<TypingBox />, { wrapper: env.wrapper })
    await flushMicrotasks()
    const box = screen.getByLabelText('Message')
    act(() => box.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, key: 'a' })))
    expect(env.counts.typing).toEqual([true])
    expect(
      env.other
        .room('lobby')
        .get()
        .typing.map((m) => m.userId),
    ).toEqual(['ada'])
    act(() => {
      box.focus()
      box.blur()
    })
    expect(env.counts.typing).toEqual([true, false])
    act(() => env.other.room('lobby').startTyping())
    expect(screen.getByTestId('sentence').textContent).toBe('Grace Hopper is typing…')
    act(() => env.other.room('lobby').stopTyping())
    expect(screen.getByTestId('sentence').textContent).toBe('')
  })

  it('stops typing when the component unmounts', async () => {
    const { unmount } = render(<StartTypingButton />, { wrapper: env.wrapper })
    await flushMicrotasks()
    act(() => screen.getByText('type').click())
    unmount()
    expect(env.counts.typing).toEqual([true, false])
  })
})

describe('useMember and useActivityStatus', () => {
  it('follow one member and re-render only when that member changes', async () => {
    env.other.room('lobby').join({ n: 1 })
    let renders = 0
    const { result } = renderHook(
      () => {
        renders++
        return { member: useMember('lobby', 'grace'), status: useActivityStatus('lobby', 'grace') }
      },
      { wrapper: env.wrapper },
    )
    await flushMicrotasks()
    expect(result.current.member?.data).toEqual({ n: 1 })
    expect(result.current.status).toBe('active')
    const before = renders
    act(() => env.other.activity.setAway(true))
    expect(result.current.status).toBe('away')
    expect(renders).toBeGreaterThan(before)
  })

  it('an absent user is offline', async () => {
    const { result } = renderHook(() => useActivityStatus('lobby', 'nobody'), { wrapper: env.wrapper })
    await flushMicrotasks()
    expect(result.current).toBe('offline')
  })
})

describe('useConnectionStatus', () => {
  it('reports reconnecting with the roster kept, then connected', async () => {
    const { result } = renderHook(
      () => {
        useRoom('lobby')
        return { link: useConnectionStatus('lobby'), presence: usePresence('lobby') }
      },
      { wrapper: env.wrapper },
    )
    await flushMicrotasks()
    expect(result.current.link).toEqual({
      status: 'connected',
      stale: false,
      synced: true,
      retry: expect.any(Function),
    })
    const adapterConnection = env.client.room('lobby').get().self?.connections[0]?.connectionId
    act(() => env.hub.disconnect(adapterConnection!, { removeFromRoom: false }))
    expect(result.current.link).toEqual({
      status: 'reconnecting',
      stale: true,
      synced: true,
      retry: expect.any(Function),
    })
    expect(result.current.presence.count).toBe(1)
    act(() => env.hub.reconnect(adapterConnection!))
    expect(result.current.link.status).toBe('connected')
    expect(result.current.link.stale).toBe(false)
  })
})

describe('usePresenceEvent', () => {
  it('calls the latest handler for the events asked for, one listener per mount', async () => {
    vi.useFakeTimers()
    const seen: string[] = []
    function Listener() {
      const [prefix, setPrefix] = useState('a')
      usePresenceEvent('lobby', ['join', 'leave'], (event) =>
        seen.push(`${prefix}:${event.type}:${event.member.userId}`),
      )
      return <button onClick={() => setPrefix('b')}>switch</button>
    }
    render(<Listener />, { wrapper: env.wrapper })
    await flushMicrotasks()
    const room = env.client.room('lobby')
    expect([room.listenerCount('join'), room.listenerCount('leave')]).toEqual([1, 1])
    act(() => env.other.room('lobby').join({}))
    act(() => screen.getByText('switch').click())
    expect([room.listenerCount('join'), room.listenerCount('leave')]).toEqual([1, 1])
    act(() => env.other.room('lobby').leave())
    act(() => vi.advanceTimersByTime(3_000))
    expect(seen).toEqual(['a:join:grace', 'b:leave:grace'])
  })
})
