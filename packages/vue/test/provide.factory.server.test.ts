// @vitest-environment node
import { createPresenceClient } from '@presence-kit/core'
import { createMemoryHub } from '@presence-kit/core/testing'
import { createSSRApp, h } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { describe, expect, it, vi } from 'vitest'
import { usePresence } from '../src/composables/use-presence.js'
import { createPresencePlugin } from '../src/provide.js'
import { component } from './support/define.js'

const Count = component(() => {
  const { synced, count } = usePresence('lobby')
  return () => h('p', synced.value ? `${count.value} here` : 'loading')
})

describe('createPresencePlugin with a factory, rendered on a server', () => {
  it('never calls the factory and renders the loading state', async () => {
    const factory = vi.fn(() =>
      createPresenceClient({ adapter: createMemoryHub().adapter(), user: { id: 'ada' } }),
    )
    const html = await renderToString(
      createSSRApp({ render: () => h(Count) }).use(createPresencePlugin(factory)),
    )
    expect(html).toContain('loading')
    expect(factory).not.toHaveBeenCalled()
  })
})
