import { act, cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ActivityDot } from '../../src/components/activity-dot/activity-dot.js'
import { ConnectionStatus } from '../../src/components/connection-status/connection-status.js'
import { TypingIndicator } from '../../src/components/typing-indicator/typing-indicator.js'
import { useRoom } from '../../src/hooks/use-room.js'
import { setupClients } from '../support/setup-clients.js'

let env: ReturnType<typeof setupClients>
beforeEach(() => {
  env = setupClients()
})
afterEach(() => {
  cleanup()
  env.destroy()
})

describe('TypingIndicator', () => {
  it('says who types in a polite live region that is always there', () => {
    const { container } = render(<TypingIndicator room="lobby" />, { wrapper: env.wrapper })
    const region = screen.getByRole('status')
    expect(region.getAttribute('aria-live')).toBe('polite')
    expect(region.textContent).toBe('')
    const dots = container.querySelector('[data-part="typing-dots"]') as HTMLElement
    expect(dots.getAttribute('aria-hidden')).toBe('true')
    expect(dots.hidden).toBe(true)

    act(() => {
      env.other.room('lobby').join({})
      env.other.room('lobby').startTyping()
    })
    expect(region.textContent).toBe('Grace Hopper is typing…')
    expect(dots.hidden).toBe(false)
    expect(container.firstElementChild?.hasAttribute('data-active')).toBe(true)

    act(() => env.other.room('lobby').stopTyping())
    expect(region.textContent).toBe('')
  })

  it("only shows typing: unmounting it leaves the local user's typing in the composer going", () => {
    const room = env.client.room('lobby')
    room.join({})
    const { unmount } = render(<TypingIndicator room="lobby" />, { wrapper: env.wrapper })
    act(() => room.startTyping())
    expect(room.isTyping()).toBe(true)
    unmount()
    expect(room.isTyping()).toBe(true)
  })

  it('takes wording for another language', () => {
    render(<TypingIndicator room="lobby" messages={{ single: (name) => `${name} écrit…` }} locale="fr" />, {
      wrapper: env.wrapper,
    })
    act(() => {
      env.other.room('lobby').join({})
      env.other.room('lobby').startTyping()
    })
    expect(screen.getByRole('status').textContent).toBe('Grace Hopper écrit…')
  })
})

describe('ActivityDot', () => {
  it('by status: the status in words for screen readers, visible with showLabel', () => {
    const { container, rerender } = render(<ActivityDot status="idle" />)
    const dot = container.querySelector('[data-part="activity-dot"]') as HTMLElement
    expect(dot.getAttribute('data-status')).toBe('idle')
    expect(dot.textContent).toBe('Idle')
    expect((dot.firstElementChild as HTMLElement).style.position).toBe('absolute')
    rerender(<ActivityDot status="away" showLabel size="lg" messages={{ away: 'Absent' }} />)
    expect(dot.textContent).toBe('Absent')
    expect((dot.firstElementChild as HTMLElement).style.position).toBe('')
    expect(dot.getAttribute('data-size')).toBe('lg')
  })

  it('by room and user id, live', () => {
    const { container } = render(<ActivityDot room="lobby" userId="grace" />, { wrapper: env.wrapper })
    const dot = () => container.querySelector('[data-part="activity-dot"]')!
    expect(dot().getAttribute('data-status')).toBe('offline')
    act(() => env.other.room('lobby').join({}))
    expect(dot().getAttribute('data-status')).toBe('active')
    expect(dot().textContent).toBe('Active')
  })

  it('shows an unknown status as offline and reports it', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    const { container } = render(<ActivityDot status={'asleep' as 'idle'} />)
    expect(container.querySelector('[data-part="activity-dot"]')?.getAttribute('data-status')).toBe('offline')
    expect(errors).toHaveBeenCalledWith(expect.objectContaining({ code: 'invalid-input' }))
    errors.mockRestore()
  })
})

function Joined({ children }: { children: React.ReactNode }) {
  useRoom('lobby')
  return <>{children}</>
}

describe('ConnectionStatus', () => {
  it('is empty when connected and synced, then "Reconnecting…", then a failure', async () => {
    const { container } = render(
      <Joined>
        <ConnectionStatus room="lobby" />
      </Joined>,
      { wrapper: env.wrapper },
    )
    await act(async () => {})
    const badge = screen.getByRole('status')
    expect(badge.getAttribute('data-part')).toBe('connection-status')
    expect(badge.getAttribute('data-connection')).toBe('connected')
    expect(container.textContent).toBe('')

    const connectionId = env.client.room('lobby').get().self!.connections[0]!.connectionId
    act(() => env.hub.disconnect(connectionId, { removeFromRoom: false }))
    expect(badge.getAttribute('data-connection')).toBe('reconnecting')
    expect(badge.textContent).toBe('Reconnecting…')

    act(() => env.hub.reconnect(connectionId))
    expect(badge.textContent).toBe('')
    act(() => {
      env.hub.inject('lobby', { method: 'status', payload: 'failed' })
    })
    expect(badge.getAttribute('data-connection')).toBe('failed')
    expect(badge.getAttribute('data-state')).toBe('failed')
    // The failure offers the room's own retry, with no onRetry given.
    expect(badge.textContent).toBe('Couldn’t connectRetry')
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy()
  })

  it('retries through the room by default: the room opens again and the badge clears', async () => {
    render(
      <Joined>
        <ConnectionStatus room="lobby" />
      </Joined>,
      { wrapper: env.wrapper },
    )
    await act(async () => {})
    act(() => {
      env.hub.inject('lobby', { method: 'status', payload: 'failed' })
    })
    const badge = screen.getByRole('status')
    const opened = env.counts.open
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }))
    expect(env.counts.open).toBe(opened + 1)
    expect(badge.getAttribute('data-connection')).toBe('connected')
    expect(badge.textContent).toBe('')
    expect(env.client.room('lobby').get().self?.userId).toBe('ada')
  })

  it('calls onRetry instead of the room’s retry when given', async () => {
    const calls: string[] = []
    render(<ConnectionStatus room="lobby" onRetry={() => calls.push('app')} />, { wrapper: env.wrapper })
    await act(async () => {})
    act(() => {
      env.hub.inject('lobby', { method: 'status', payload: 'failed' })
    })
    const opened = env.counts.open
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }))
    expect(calls).toEqual(['app'])
    expect(env.counts.open).toBe(opened)
    expect(screen.getByRole('status').getAttribute('data-connection')).toBe('failed')
  })

  it('takes other wording', async () => {
    render(<ConnectionStatus room="lobby" messages={{ offline: 'Hors ligne' }} />, { wrapper: env.wrapper })
    await act(async () => {})
    act(() => {
      env.hub.inject('lobby', { method: 'status', payload: 'disconnected' })
    })
    expect(screen.getByRole('status').textContent).toBe('Hors ligne')
  })
})
