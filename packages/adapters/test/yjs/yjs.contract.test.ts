import type { PresenceAdapter } from '@presence-kit/core'
import { createYjsAdapter } from '../../src/yjs/index.js'
import { runAdapterContract } from '../contract/run-adapter-contract.js'
import { sleep } from '../contract/observe.js'
import { AwarenessLink, type LinkedProvider } from './awareness-link.js'

// Real y-protocols Awareness instances (each on its own Y.Doc), linked in process.
runAdapterContract('yjs', {
  async setup() {
    const link = new AwarenessLink()
    const providerOf = new Map<PresenceAdapter, LinkedProvider>()
    return {
      createAdapter() {
        const provider = link.add()
        const adapter = createYjsAdapter({ connectOnServer: true, awareness: provider.awareness, provider })
        providerOf.set(adapter, provider)
        return adapter
      },
      createPeer(_room, userId) {
        const peer = link.add()
        let field: Record<string, unknown> = {}
        const set = (next: Record<string, unknown> | null) => {
          field = next ?? {}
          peer.awareness.setLocalStateField('presence', next)
        }
        return {
          userId,
          async join(data) {
            set({ userId, data, typing: false })
          },
          async update(data) {
            set({ ...field, data })
          },
          async leave() {
            set(null)
          },
          async typing(typing) {
            set({ ...field, typing })
          },
        }
      },
      async dropLink(adapter) {
        link.drop(providerOf.get(adapter)!)
      },
      async restoreLink(adapter) {
        link.restore(providerOf.get(adapter)!)
      },
      async sendMalformed() {
        link.add().awareness.setLocalStateField('presence', { userId: 42, data: 'not an object' })
      },
      settle: () => sleep(10),
      async close() {
        link.destroy()
      },
    }
  },
})
