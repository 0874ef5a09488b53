import { createPresenceClient } from '@presence-kit/core'
import { createMemoryHub } from '@presence-kit/core/testing'
import { createSSRApp, h, nextTick } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { describe, expect, it, vi } from 'vitest'
import { usePresence } from '../src/composables/use-presence.js'
import { useRoom } from '../src/composables/use-room.js'
import { createPresencePlugin } from '../src/provide.js'
import { component } from './support/define.js'

const Page = component(() => {
  useRoom('lobby')
  const { synced, count } = usePresence('lobby')
  return () => h('p', synced.value ? `${count.value} online` : 'Connecting…')
})

describe('hydration', () => {
  it('hydrates server HTML with no warning or error, then goes live', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    const warnings = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const serverClient = createPresenceClient({ adapter: createMemoryHub().adapter(), user: { id: 'ada' } })
    const html = await renderToString(createSSRApp(Page).use(createPresencePlugin(serverClient)))
    serverClient.destroy()
    expect(html).toBe('<p>Connecting…</p>')

    const container = document.createElement('div')
    container.innerHTML = html
    document.body.append(container)
    // The memory hub answers a join at once: were the join made during setup, the first client
    // render would differ from the server's HTML and hydration would warn.
    const client = createPresenceClient({
      adapter: createMemoryHub().adapter(),
      user: { id: 'ada' },
      batch: 'sync',
    })
    const app = createSSRApp(Page).use(createPresencePlugin(client))
    app.mount(container)
    await nextTick()
    expect(errors).not.toHaveBeenCalled()
    expect(warnings).not.toHaveBeenCalled()
    expect(container.textContent).toBe('1 online')
    app.unmount()
    client.destroy()
    container.remove()
    errors.mockRestore()
    warnings.mockRestore()
  })
})
