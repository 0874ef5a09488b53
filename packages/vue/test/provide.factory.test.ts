import { createPresenceClient } from '@presence-kit/core'
import { createMemoryHub } from '@presence-kit/core/testing'
import { render, screen } from '@testing-library/vue'
import { h } from 'vue'
import { describe, expect, it, vi } from 'vitest'
import { usePresence } from '../src/composables/use-presence.js'
import { useRoom } from '../src/composables/use-room.js'
import { createPresencePlugin } from '../src/provide.js'
import { component } from './support/define.js'

const Lobby = component(() => {
  useRoom('lobby')
  const { count } = usePresence('lobby')
  return () => h('p', `${count.value} here`)
})

describe('createPresencePlugin with a factory, in the browser', () => {
  it('calls the factory once for the app, and the composables use that client', async () => {
    const hub = createMemoryHub()
    const factory = vi.fn(() => createPresenceClient({ adapter: hub.adapter(), user: { id: 'ada' } }))
    const plugin = createPresencePlugin(factory)
    render(Lobby, { global: { plugins: [plugin] } })
    expect(await screen.findByText('1 here')).toBeTruthy()
    expect(factory).toHaveBeenCalledTimes(1)
  })
})
