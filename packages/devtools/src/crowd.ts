import type { ConnectionInput, RoomSink } from '@presence-kit/core'
import type { PresenceInspector } from '@presence-kit/core/inspect'
import { createMemoryHub, createSimulatedCrowd } from '@presence-kit/core/testing'

/** A running simulated crowd; `stop()` takes every simulated member out of the room. */
export interface DevtoolsCrowd {
  readonly room: string
  readonly members: number
  stop(): void
}

/** Lively without drowning the timeline, whatever the crowd's size (per second). */
const RATES = { churnPerSecond: 2, typingPerSecond: 0.5, activityPerSecond: 2 } as const

/**
 * Starts the kit's simulated crowd on an in-page hub and hands what the hub says about it to the
 * room's sink, as its adapter would: the room's store (and every component on it) sees the crowd
 * beside the real members, whatever the backend. Nothing is sent to the backend, so only this page
 * sees the crowd, and the backend's next snapshot (after a drop) clears it.
 */
export function startCrowd(inspector: PresenceInspector, room: string, members: number): DevtoolsCrowd {
  const hub = createMemoryHub()
  const crowd = createSimulatedCrowd({
    hub,
    room,
    seed: 7,
    members,
    idPrefix: 'devtools-sim',
    ...RATES,
  })
  const present = new Map<string, string>()
  const forward = (kind: 'join' | 'update' | 'leave' | 'typing' | 'error') => (input: unknown) => {
    const connection = input as ConnectionInput
    if (kind === 'join' || kind === 'update') present.set(connection.connectionId, connection.userId)
    else if (kind === 'leave') present.delete(connection.connectionId)
    inspector.inject(room, kind, input)
  }
  const join = forward('join')
  const sink: RoomSink = {
    // The hub's roster of the crowd, one join each: a snapshot would replace the real room's roster.
    snapshot: (connections) => {
      for (const connection of connections) join(connection)
    },
    join,
    update: forward('update'),
    leave: forward('leave'),
    typing: forward('typing'),
    status: () => {},
    error: forward('error'),
  }
  const adapter = hub.adapter()
  const link = adapter.openRoom({ room, user: { id: 'devtools-crowd-watcher' }, sink })
  crowd.start()
  let stopped = false
  return {
    room,
    members,
    stop() {
      if (stopped) return
      stopped = true
      crowd.dispose()
      link.close()
      adapter.destroy?.()
      hub.destroy()
      // Whatever the hub did not get to say: every simulated connection still shown leaves now.
      for (const [connectionId, userId] of present) inspector.inject(room, 'leave', { connectionId, userId })
      present.clear()
    },
  }
}
