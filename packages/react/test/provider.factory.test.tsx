import { createPresenceClient } from '@presence-kit/core'
import { createMemoryHub } from '@presence-kit/core/testing'
import { act, render, screen } from '@testing-library/react'
import { StrictMode } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { usePresence } from '../src/hooks/use-presence.js'
import { useRoom } from '../src/hooks/use-room.js'
import { PresenceProvider } from '../src/provider.js'

function Lobby() {
  useRoom('lobby')
  const { count } = usePresence('lobby')
  return <p>{count} here</p>
}

describe('PresenceProvider with createClient, in the browser', () => {
  it('calls the factory once, through re-renders and StrictMode, and the hooks use that client', async () => {
    const hub = createMemoryHub()
    const createClient = vi.fn(() => createPresenceClient({ adapter: hub.adapter(), user: { id: 'ada' } }))
    const page = (
      <StrictMode>
        <PresenceProvider createClient={createClient}>
          <Lobby />
        </PresenceProvider>
      </StrictMode>
    )
    const { rerender } = render(page)
    rerender(page)
    await act(async () => {})
    expect(await screen.findByText('1 here')).toBeTruthy()
    expect(createClient).toHaveBeenCalledTimes(1)
  })
})
