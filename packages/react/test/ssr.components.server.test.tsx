// @vitest-environment node
import { createPresenceClient } from '@presence-kit/core'
import { countAdapterCalls, createMemoryHub } from '@presence-kit/core/testing'
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { ActivityDot } from '../src/components/activity-dot/activity-dot.js'
import { AvatarStack } from '../src/components/avatar-stack/avatar-stack.js'
import { ConnectionStatus } from '../src/components/connection-status/connection-status.js'
import { OnlineList } from '../src/components/online-list/online-list.js'
import { TypingIndicator } from '../src/components/typing-indicator/typing-indicator.js'
import { PresenceProvider } from '../src/provider.js'

describe('server rendering of the components', () => {
  it('renders the loading state without a window, opening nothing', () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined')
    const { adapter, counts } = countAdapterCalls(createMemoryHub().adapter())
    const client = createPresenceClient({ adapter, user: { id: 'ada' } })
    const html = renderToString(
      <PresenceProvider client={client}>
        <ConnectionStatus room="lobby" />
        <OnlineList room="lobby" />
        <AvatarStack room="lobby" />
        <TypingIndicator room="lobby" />
        <ActivityDot room="lobby" userId="grace" />
        <ActivityDot status="idle" showLabel />
      </PresenceProvider>,
    )
    expect(html).toContain('Connecting…')
    expect(html).toMatch(/role="listbox"[^>]*aria-busy="true"/)
    expect(html).toContain('data-part="avatar-stack"')
    expect(html).toMatch(/role="status" aria-live="polite"/)
    expect(html).toContain('data-status="offline"')
    expect(html).toContain('>Idle<')
    expect(counts.open).toBe(0)
    client.destroy()
  })
})
