import { createPresenceClient, type Room, type RoomSink } from '@presence-kit/core'

/**
 * A kit room fed directly through its sink, as an adapter would, with commits only when the
 * benchmark flushes (one per burst, as one frame would), or with `batch: 'sync'` on every input.
 * Leave grace and the recently-left list are off: Phoenix's Presence has neither, and the workload
 * must keep a steady member count.
 */
export function createKitRoom(batch: 'flush' | 'sync' = 'flush'): {
  room: Room
  sink: RoomSink
  destroy(): void
} {
  let captured: RoomSink | undefined
  const client = createPresenceClient({
    adapter: {
      name: 'bench',
      openRoom({ sink }) {
        captured = sink
        return { enter() {}, update() {}, leave() {}, typing() {}, close() {} }
      },
    },
    user: { id: 'bench-self' },
    batch: batch === 'sync' ? 'sync' : () => () => {},
    leaveGraceMs: 0,
    offlineRetentionMs: 0,
    maxDataBytes: 4_096,
  })
  const room = client.room('bench')
  room.watch()
  const sink = captured!
  sink.status('connected', { connectionId: 'bench-self-1' })
  return { room, sink, destroy: () => client.destroy() }
}
