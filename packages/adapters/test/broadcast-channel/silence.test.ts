import { randomUUID } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { createBroadcastChannelAdapter } from '../../src/broadcast-channel/index.js'
import { eventually, observeRoom, sleep, type ObservedRoom } from '../contract/observe.js'

const HEARTBEAT_MS = 50
const ROOM = 'lobby'

/** Holds the event loop as a long task does: every timer of every tab here comes late. */
function block(ms: number): void {
  const until = Date.now() + ms
  while (Date.now() < until) {
    // busy on purpose
  }
}

function post(channel: BroadcastChannel, message: unknown): void {
  // oxlint-disable-next-line unicorn/require-post-message-target-origin
  channel.postMessage(message)
}

describe('broadcast-channel: silence and long tasks', () => {
  const cleanups: (() => void)[] = []
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup()
  })

  function tab(prefix: string, userId: string): ObservedRoom {
    const adapter = createBroadcastChannelAdapter({
      connectOnServer: true,
      channelName: (room) => `${prefix}:${room}`,
      heartbeatMs: HEARTBEAT_MS,
      gatherMs: 20,
      lifecycle: { listen: () => () => {} },
    })
    // No grace: a drop by the adapter shows at once as a leave.
    const observed = observeRoom(adapter, userId, ROOM, { leaveGraceMs: 0 })
    cleanups.push(() => observed.destroy())
    return observed
  }

  it('drops no one when it was this tab that was held up', async () => {
    const prefix = `stall-${randomUUID()}`
    const watcher = tab(prefix, 'grace')
    const ada = tab(prefix, 'ada')
    watcher.room.join({})
    ada.room.join({ mood: 'here' })
    await eventually(() => expect(watcher.room.isUserPresent('ada')).toBe(true))
    watcher.clear()

    block(HEARTBEAT_MS * 8)
    await sleep(HEARTBEAT_MS * 6)

    expect(watcher.about('ada')).toEqual([])
    expect(watcher.room.isUserPresent('ada')).toBe(true)
  })

  it('brings back a tab it dropped for silence as soon as that tab is heard again, asking once', async () => {
    const prefix = `revive-${randomUUID()}`
    const watcher = tab(prefix, 'grace')
    watcher.room.join({})
    const channel = new BroadcastChannel(`${prefix}:${ROOM}`)
    cleanups.push(() => channel.close())
    const hellos: unknown[] = []
    let answer = true
    // Each state a tab sends is numbered anew, as the adapter numbers its own.
    let seq = 0
    const sendState = () =>
      post(channel, { type: 'state', from: 'quiet-tab', userId: 'ada', seq: ++seq, data: { mood: 'here' } })
    channel.addEventListener('message', (event) => {
      const message = (event as MessageEvent).data as { type?: string }
      if (message?.type !== 'hello') return
      hellos.push(message)
      if (answer) sendState()
    })
    let beating = true
    const heartbeat = setInterval(
      () => beating && post(channel, { type: 'alive', from: 'quiet-tab' }),
      HEARTBEAT_MS,
    )
    cleanups.push(() => clearInterval(heartbeat))
    sendState()
    await eventually(() => expect(watcher.room.isUserPresent('ada')).toBe(true))

    // Silent for well over three heartbeats, as a throttled background tab is.
    beating = false
    await eventually(() => expect(watcher.room.isUserPresent('ada')).toBe(false))
    expect(watcher.about('ada')).toEqual(['join', 'leave'])
    hellos.length = 0

    // Heard again, but not answering at first: asked once, however often it is heard.
    answer = false
    for (let beat = 0; beat < 3; beat++) {
      post(channel, { type: 'alive', from: 'quiet-tab' })
      await sleep(HEARTBEAT_MS / 2)
    }
    await sleep(HEARTBEAT_MS)
    expect(hellos).toHaveLength(1)

    // Its answer brings it back, with its state, and its heartbeats keep it.
    beating = true
    sendState()
    await eventually(() => expect(watcher.room.get('ada')?.data).toEqual({ mood: 'here' }))
    expect(watcher.about('ada')).toEqual(['join', 'leave', 'join'])
  })
})
