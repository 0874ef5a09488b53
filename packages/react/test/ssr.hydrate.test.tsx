import { createPresenceClient } from '@presence-kit/core'
import { createMemoryHub } from '@presence-kit/core/testing'
import { act } from '@testing-library/react'
import { hydrateRoot } from 'react-dom/client'
import { renderToString } from 'react-dom/server'
import { describe, expect, it, vi } from 'vitest'
import { usePresence } from '../src/hooks/use-presence.js'
import { useRoom } from '../src/hooks/use-room.js'
import { PresenceProvider } from '../src/provider.js'

function Page() {
  useRoom('lobby')
  const { synced, count } = usePresence('lobby')
  return <p>{synced ? `${count} online` : 'Connecting…'}</p>
}

describe('hydration', () => {
  it('hydrates server HTML with no console error, then goes live', async () => {
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
    const client = createPresenceClient({
      adapter: createMemoryHub().adapter(),
      user: { id: 'ada' },
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
    expect(container.textContent).toBe('1 online')
    act(() => root!.unmount())
    client.destroy()
    container.remove()
    errors.mockRestore()
  })
})
