// @vitest-environment node
import { createPresenceClient } from '@presence-kit/core'
import { countAdapterCalls, createMemoryHub } from '@presence-kit/core/testing'
import { createSSRApp, h } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { describe, expect, it } from 'vitest'
import { useConnectionStatus } from '../src/composables/use-connection-status.js'
import { useLocalActivity } from '../src/composables/use-local-activity.js'
import { useMember } from '../src/composables/use-member.js'
import { useMyPresence } from '../src/composables/use-my-presence.js'
import { usePresence } from '../src/composables/use-presence.js'
import { usePresenceEvent } from '../src/composables/use-presence-event.js'
import { useRoom } from '../src/composables/use-room.js'
import { useTyping } from '../src/composables/use-typing.js'
import { createPresencePlugin } from '../src/provide.js'
import { component } from './support/define.js'

const Page = component(() => {
  useRoom('lobby', { initialPresence: { mood: 'hi' } })
  useMyPresence('lobby')
  useLocalActivity()
  useMember('lobby', 'grace')
  usePresenceEvent('lobby', 'join', () => {})
  const { synced, count } = usePresence('lobby')
  const { sentence } = useTyping('lobby')
  const { status } = useConnectionStatus('lobby')
  return () =>
    h('main', [
      h('p', synced.value ? `${count.value} online` : 'Connecting…'),
      h('p', status.value),
      h('p', sentence.value),
    ])
})

describe('server rendering', () => {
  it('renders the initial state without a window, joining, opening and listening to nothing', async () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined')
    const { adapter, counts } = countAdapterCalls(createMemoryHub().adapter())
    const client = createPresenceClient({ adapter, user: { id: 'ada' } })
    const app = createSSRApp(Page).use(createPresencePlugin(client))
    const html = await renderToString(app)
    expect(html).toContain('Connecting…')
    expect(html).toContain('connecting')
    expect(counts.open).toBe(0)
    expect(counts.enter).toBe(0)
    const room = client.room('lobby')
    expect(room.listenerCount()).toBe(0)
    expect(room.resources()).toEqual({ listeners: 0, deadlines: 0, open: false })
    client.destroy()
  })
})
