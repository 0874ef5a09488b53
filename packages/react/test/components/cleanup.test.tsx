import { act, fireEvent, render } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ActivityDot } from '../../src/components/activity-dot/activity-dot.js'
import { AvatarStack } from '../../src/components/avatar-stack/avatar-stack.js'
import { ConnectionStatus } from '../../src/components/connection-status/connection-status.js'
import { OnlineList } from '../../src/components/online-list/online-list.js'
import { TypingIndicator } from '../../src/components/typing-indicator/typing-indicator.js'
import { setupCrowdRoom } from '../support/crowd-room.js'
import { installLayout } from '../support/layout.js'

let restoreLayout: () => void
beforeEach(() => {
  restoreLayout = installLayout()
})
afterEach(() => {
  restoreLayout()
  vi.restoreAllMocks()
})

// The document listeners the overflow list adds while open.
const ours = (calls: unknown[][]) =>
  calls.filter(([type]) => type === 'keydown' || type === 'click').map(([type, handler]) => [type, handler])

function All() {
  return (
    <>
      <OnlineList room="lobby" groupByStatus />
      <AvatarStack room="lobby" max={2} />
      <TypingIndicator room="lobby" />
      <ActivityDot room="lobby" userId="user-1" />
      <ConnectionStatus room="lobby" />
    </>
  )
}

describe('unmounting the components', () => {
  it('leaves no room listener, no open room, no document listener and no timer', async () => {
    vi.useFakeTimers()
    const env = setupCrowdRoom(20)
    const added = vi.spyOn(document, 'addEventListener')
    const removed = vi.spyOn(document, 'removeEventListener')
    const room = env.client.room('lobby')
    const { unmount } = render(<All />, { wrapper: env.wrapper })
    env.commit()
    expect(room.listenerCount()).toBeGreaterThan(0)
    expect(room.resources().open).toBe(true)
    // Open the overflow list, so its document listeners exist when the stack unmounts.
    fireEvent.click(document.querySelector('[data-part="avatar-overflow"]')!)
    expect(document.querySelector('[data-part="avatar-overflow-list"]')?.getAttribute('data-state')).toBe(
      'open',
    )
    act(() => env.hub.typingVirtual('lobby', env.connections[1]!, true))
    env.commit()

    expect(vi.getTimerCount()).toBeGreaterThan(0)
    unmount()
    await act(async () => {
      await Promise.resolve()
    })
    expect(room.listenerCount()).toBe(0)
    expect(room.resources().open).toBe(false)
    expect(room.resources().deadlines).toBe(0)
    expect(vi.getTimerCount()).toBe(0)
    expect(ours(removed.mock.calls)).toEqual(expect.arrayContaining(ours(added.mock.calls)))
    vi.useRealTimers()
    env.destroy()
  })
})
