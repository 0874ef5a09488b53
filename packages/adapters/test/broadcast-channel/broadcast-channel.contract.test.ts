import type { PresenceAdapter } from '@presence-kit/core'
import { randomUUID } from 'node:crypto'
import { createBroadcastChannelAdapter, type PageLifecycleLike } from '../../src/broadcast-channel/index.js'
import { runAdapterContract } from '../contract/run-adapter-contract.js'
import { sleep } from '../contract/observe.js'

const HEARTBEAT_MS = 50

/** BroadcastChannel's postMessage has no target origin: it reaches only the same origin. */
function post(channel: BroadcastChannel, message: unknown): void {
  // oxlint-disable-next-line unicorn/require-post-message-target-origin
  channel.postMessage(message)
}

/** A page lifecycle the test drives: `pause` is a frozen tab, `resume` its return. */
function drivenLifecycle() {
  let handlers: Parameters<PageLifecycleLike['listen']>[0] | undefined
  const lifecycle: PageLifecycleLike = {
    listen(next) {
      handlers = next
      return () => {
        handlers = undefined
      }
    },
  }
  return { lifecycle, pause: () => handlers?.pause(), resume: () => handlers?.resume() }
}

// Node's own BroadcastChannel (the same API as the browser's) between adapters in one process;
// the browser test under test/browser runs it between two pages in Chromium.
runAdapterContract('broadcast-channel', {
  async setup() {
    const prefix = `contract-${randomUUID()}`
    const channelName = (room: string) => `${prefix}:${room}`
    const pages = new Map<PresenceAdapter, ReturnType<typeof drivenLifecycle>>()
    const channels: BroadcastChannel[] = []
    const timers: ReturnType<typeof setInterval>[] = []
    return {
      createAdapter() {
        const page = drivenLifecycle()
        const adapter = createBroadcastChannelAdapter({
          connectOnServer: true,
          channelName,
          lifecycle: page.lifecycle,
          heartbeatMs: HEARTBEAT_MS,
          gatherMs: 30,
        })
        pages.set(adapter, page)
        return adapter
      },
      createPeer(room, userId) {
        // A tab speaking the adapter's protocol by hand.
        const channel = new BroadcastChannel(channelName(room))
        channels.push(channel)
        const from = `peer-${randomUUID()}`
        let seq = 0
        let data: Record<string, unknown> | undefined
        const send = () =>
          data !== undefined && post(channel, { type: 'state', from, userId, seq: ++seq, data })
        channel.addEventListener('message', (event) => {
          if ((event as MessageEvent).data?.type === 'hello') send()
        })
        timers.push(
          setInterval(() => data !== undefined && post(channel, { type: 'alive', from }), HEARTBEAT_MS),
        )
        return {
          userId,
          async join(next) {
            data = { ...next }
            send()
          },
          async update(next) {
            data = { ...next }
            send()
          },
          async leave() {
            data = undefined
            post(channel, { type: 'leave', from, userId, seq: ++seq })
          },
          async typing(typing) {
            post(channel, { type: 'typing', from, userId, typing })
          },
        }
      },
      async dropLink(adapter) {
        pages.get(adapter)!.pause()
      },
      async restoreLink(adapter) {
        pages.get(adapter)!.resume()
      },
      async sendMalformed(room) {
        const channel = new BroadcastChannel(channelName(room))
        channels.push(channel)
        post(channel, { type: 'state', from: 'x', userId: 5, seq: 'one', data: [] })
      },
      settle: () => sleep(40),
      async close() {
        for (const timer of timers) clearInterval(timer)
        for (const channel of channels) channel.close()
      },
    }
  },
})
