import { createMemoryHub } from '@presence-kit/core/testing'
import { runAdapterContract } from '../contract/run-adapter-contract.js'

// The reference run: the core's in-process hub behaves like a presence server, so every check of
// the contract must pass here first. A check that fails only for a real backend points at its adapter.
runAdapterContract('memory hub', {
  async setup() {
    const hub = createMemoryHub({ delivery: 'microtask' })
    return {
      createAdapter: () => hub.adapter(),
      createPeer(room, userId) {
        let connectionId: string | undefined
        return {
          userId,
          async join(data) {
            connectionId = hub.addVirtual(room, { userId, data })
          },
          async update(data) {
            hub.updateVirtual(room, connectionId!, { data })
          },
          async leave() {
            hub.removeVirtual(room, connectionId!)
          },
          async typing(typing) {
            hub.typingVirtual(room, connectionId!, typing)
          },
        }
      },
      async dropLink(adapter) {
        hub.disconnect(adapter)
      },
      async restoreLink(adapter) {
        hub.reconnect(adapter)
      },
      async sendMalformed(room) {
        hub.inject(room, { method: 'join', payload: { connectionId: 42, userId: ['not', 'an', 'id'] } })
      },
      settle: () => new Promise((resolve) => setTimeout(resolve, 5)),
      async close() {
        hub.destroy()
      },
    }
  },
})
