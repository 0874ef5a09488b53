// @vitest-environment node
import { createPresenceClient } from '@presence-kit/core'
import { countAdapterCalls, createMemoryHub } from '@presence-kit/core/testing'
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { useConnectionStatus } from '../src/hooks/use-connection-status.js'
import { useLocalActivity } from '../src/hooks/use-local-activity.js'
import { usePresence } from '../src/hooks/use-presence.js'
import { useRoom } from '../src/hooks/use-room.js'
import { useTyping } from '../src/hooks/use-typing.js'
import { PresenceProvider } from '../src/provider.js'

function Page() {
  useRoom('lobby', { initialPresence: { mood: 'hi' } })
  useLocalActivity()
  const { synced, count } = usePresence('lobby')
  const { sentence } = useTyping('lobby')
  const { status } = useConnectionStatus('lobby')
  return (
    <main>
      <p>{synced ? `${count} online` : 'Connecting…'}</p>
      <p>{status}</p>
      <p>{sentence}</p>
    </main>
  )
}

describe('server rendering', () => {
  it('renders the initial state without a window, joining nothing and opening nothing', () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined')
    const { adapter, counts } = countAdapterCalls(createMemoryHub().adapter())
    const client = createPresenceClient({ adapter, user: { id: 'ada' } })
    const html = renderToString(
      <PresenceProvider client={client}>
        <Page />
      </PresenceProvider>,
    )
    expect(html).toContain('Connecting…')
    expect(html).toContain('connecting')
    expect(counts.open).toBe(0)
    expect(counts.enter).toBe(0)
    client.destroy()
  })
})
