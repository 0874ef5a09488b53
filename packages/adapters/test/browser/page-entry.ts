// Bundled for the page: a kit client on the BroadcastChannel adapter, driven by the test.
import { createPresenceClient, type Room } from '@presence-kit/core'
import { createBroadcastChannelAdapter } from '../../src/broadcast-channel/index.js'

let room: Room | undefined

const api = {
  start(userId: string, roomName: string) {
    const client = createPresenceClient({
      // A long heartbeat: a tab seen leaving here left by its own message, not by falling silent.
      adapter: createBroadcastChannelAdapter({ heartbeatMs: 60_000 }),
      user: { id: userId, name: userId },
      batch: 'sync',
      leaveGraceMs: 100,
    })
    room = client.room(roomName)
    room.join({ page: userId })
  },
  state() {
    const state = room!.get()
    return {
      status: state.status,
      members: state.members.map((m) => `${m.userId}:${m.connections.length}`).toSorted(),
      typing: state.typing.map((m) => m.userId),
    }
  },
  startTyping: () => room!.startTyping(),
  stopTyping: () => room!.stopTyping(),
}

;(globalThis as { presence?: typeof api }).presence = api
