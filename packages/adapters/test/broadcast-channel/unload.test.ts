import { createPresenceClient } from '@presence-kit/core'
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { createBroadcastChannelAdapter, type PageLifecycleLike } from '../../src/broadcast-channel/index.js'
import { sleep } from '../contract/observe.js'

describe('broadcast-channel: a page that unloads', () => {
  it('sends its leave and nothing after it, so the other tabs drop it at once', async () => {
    const prefix = `unload-${randomUUID()}`
    let handlers: Parameters<PageLifecycleLike['listen']>[0] | undefined
    const lifecycle: PageLifecycleLike = {
      listen(next) {
        handlers = next
        return () => {
          handlers = undefined
        }
      },
    }
    const adapter = createBroadcastChannelAdapter({
      connectOnServer: true,
      channelName: (room) => `${prefix}:${room}`,
      lifecycle,
      heartbeatMs: 1_000,
      gatherMs: 20,
    })
    const client = createPresenceClient({ adapter, user: { id: 'ada', name: 'Ada' }, batch: 'sync' })
    const heard: { type: string; seq?: number }[] = []
    const listener = new BroadcastChannel(`${prefix}:lobby`)
    listener.addEventListener('message', (event) => heard.push((event as MessageEvent).data))
    const room = client.room('lobby')
    room.join({ mood: 'here' })
    await sleep(60)
    expect(heard.some((message) => message.type === 'state')).toBe(true)

    handlers!.unload()
    // What a page still does while it goes: it reports itself hidden, and presence changes.
    client.activity.setHidden(true)
    room.update({ mood: 'leaving' })
    await sleep(60)

    const leaveAt = heard.findIndex((message) => message.type === 'leave')
    expect(leaveAt).toBeGreaterThanOrEqual(0)
    expect(heard.slice(leaveAt + 1)).toEqual([])
    expect(handlers).toBeUndefined()
    listener.close()
    client.destroy()
  })
})
