import { createPresenceClient, type PresenceClient } from '@presence-kit/core'
import { createMemoryHub, type MemoryAdapter } from '@presence-kit/core/testing'

/** Two people on an in-process hub that delivers at once, with commits at once. */
export function twoPeople() {
  const hub = createMemoryHub()
  const adaAdapter: MemoryAdapter = hub.adapter({ connectionId: 'ada-1' })
  const ada: PresenceClient = createPresenceClient({
    adapter: adaAdapter,
    user: { id: 'ada', name: 'Ada' },
    batch: 'sync',
    leaveGraceMs: 0,
  })
  const grace: PresenceClient = createPresenceClient({
    adapter: hub.adapter({ connectionId: 'grace-1' }),
    user: { id: 'grace', name: 'Grace' },
    batch: 'sync',
  })
  const link = { drop: () => hub.disconnect(adaAdapter), restore: () => hub.reconnect(adaAdapter) }
  return {
    hub,
    ada,
    grace,
    link,
    destroy() {
      ada.destroy()
      grace.destroy()
      hub.destroy()
    },
  }
}

/** The panel redraws at most every 150 ms: wait for the next redraw. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 200))

/** The panel's shadow root, where every query of these tests looks. */
export function shadowOf(element: HTMLElement): ShadowRoot {
  const root = element.shadowRoot
  if (root === null) throw new Error('the panel has no open shadow root')
  return root
}
