// @vitest-environment node
import { createPresenceClient } from '@presence-kit/core'
import { countAdapterCalls, createMemoryHub } from '@presence-kit/core/testing'
import { createSSRApp, h } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { describe, expect, it } from 'vitest'
import {
  ActivityDot,
  AvatarStack,
  ConnectionStatus,
  OnlineList,
  TypingIndicator,
} from '../src/components/index.js'
import { createPresencePlugin } from '../src/provide.js'
import { component } from './support/define.js'

const Page = component(
  () => () =>
    h('main', [
      h(ConnectionStatus, { room: 'lobby' }),
      h(AvatarStack, { room: 'lobby' }),
      h(OnlineList, { room: 'lobby' }),
      h(TypingIndicator, { room: 'lobby' }),
      h(ActivityDot, { room: 'lobby', userId: 'grace' }),
      h(ActivityDot, { status: 'idle', showLabel: true }),
    ]),
)

describe('server rendering of the components', () => {
  it('renders every component without a window, opening, listening to and timing nothing', async () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined')
    const { adapter, counts } = countAdapterCalls(createMemoryHub().adapter())
    const client = createPresenceClient({ adapter, user: { id: 'ada' } })
    const html = await renderToString(createSSRApp(Page).use(createPresencePlugin(client)))
    // Before the first roster: the list is busy, the badge says so, the live region is there.
    expect(html).toContain('role="listbox"')
    expect(html).toContain('aria-busy="true"')
    expect(html).toContain('Connecting…')
    expect(html).toContain('role="status" aria-live="polite"')
    expect(html).toContain('data-status="idle"')
    expect(counts.open).toBe(0)
    const room = client.room('lobby')
    expect(room.resources()).toEqual({ listeners: 0, deadlines: 0, open: false })
    client.destroy()
  })
})
