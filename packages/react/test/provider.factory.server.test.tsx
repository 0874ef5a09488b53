// @vitest-environment node
import { createPresenceClient } from '@presence-kit/core'
import { createMemoryHub } from '@presence-kit/core/testing'
import { renderToString } from 'react-dom/server'
import { describe, expect, it, vi } from 'vitest'
import { usePresence } from '../src/hooks/use-presence.js'
import { PresenceProvider } from '../src/provider.js'

function Count() {
  const { synced, count } = usePresence('lobby')
  return <p>{synced ? `${count} here` : 'loading'}</p>
}

describe('PresenceProvider with createClient, rendered on a server', () => {
  it('never calls the factory and renders the loading state', () => {
    const createClient = vi.fn(() =>
      createPresenceClient({ adapter: createMemoryHub().adapter(), user: { id: 'ada' } }),
    )
    const html = renderToString(
      <PresenceProvider createClient={createClient}>
        <Count />
      </PresenceProvider>,
    )
    expect(html).toContain('loading')
    expect(createClient).not.toHaveBeenCalled()
  })
})
