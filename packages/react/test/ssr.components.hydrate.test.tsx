import { createPresenceClient } from '@presence-kit/core'
import { createMemoryHub } from '@presence-kit/core/testing'
import { act } from '@testing-library/react'
import { hydrateRoot } from 'react-dom/client'
import { renderToString } from 'react-dom/server'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ActivityDot } from '../src/components/activity-dot/activity-dot.js'
import { AvatarStack } from '../src/components/avatar-stack/avatar-stack.js'
import { ConnectionStatus } from '../src/components/connection-status/connection-status.js'
import { OnlineList } from '../src/components/online-list/online-list.js'
import { TypingIndicator } from '../src/components/typing-indicator/typing-indicator.js'
import { useRoom } from '../src/hooks/use-room.js'
import { PresenceProvider } from '../src/provider.js'
import { installLayout } from './support/layout.js'

let restoreLayout: () => void
beforeEach(() => {
  restoreLayout = installLayout()
})
afterEach(() => restoreLayout())

function Page() {
  useRoom('lobby')
  return (
    <>
      <ConnectionStatus room="lobby" />
      <OnlineList room="lobby" groupByStatus />
      <AvatarStack room="lobby" />
      <TypingIndicator room="lobby" />
      <ActivityDot room="lobby" userId="grace" />
    </>
  )
}

describe('hydrating the components', () => {
  it('hydrates server HTML with no console error, then shows the live room', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    const serverClient = createPresenceClient({ adapter: createMemoryHub().adapter(), user: { id: 'ada' } })
    const html = renderToString(
      <PresenceProvider client={serverClient}>
        <Page />
      </PresenceProvider>,
    )
    serverClient.destroy()
    const container = document.createElement('div')
    container.innerHTML = html
    document.body.append(container)

    const hub = createMemoryHub()
    hub.addVirtual('lobby', { userId: 'grace', data: { name: 'Grace Hopper' } })
    const client = createPresenceClient({
      adapter: hub.adapter(),
      user: { id: 'ada', name: 'Ada' },
      batch: 'sync',
    })
    let root: ReturnType<typeof hydrateRoot> | undefined
    await act(async () => {
      root = hydrateRoot(
        container,
        <PresenceProvider client={client}>
          <Page />
        </PresenceProvider>,
      )
    })
    expect(errors).not.toHaveBeenCalled()
    const names = [...container.querySelectorAll('[data-presence-name]')].map((name) => name.textContent)
    expect(names).toEqual(['Ada', 'Grace Hopper'])
    expect(container.querySelector('[data-part="activity-dot"]')?.getAttribute('data-status')).toBe('active')
    expect(container.querySelector('[data-part="connection-status"]')?.textContent).toBe('')
    act(() => root!.unmount())
    client.destroy()
    container.remove()
    errors.mockRestore()
  })
})
