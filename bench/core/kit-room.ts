import type { Room, RoomSink, RosterFactory } from '@presence-kit/core'
import { createSinkClient } from './sink-client.js'

/**
 * A kit room fed directly through its sink, as an adapter would, with commits only when the
 * benchmark flushes (one per burst, as one frame would), or with `batch: 'sync'` on every input.
 * Leave grace and the recently-left list are off: Phoenix's Presence has neither, and the workload
 * must keep a steady member count. `roster` is the client's option (the default `Map` when undefined).
 */
export function createKitRoom(
  batch: 'flush' | 'sync' = 'flush',
  roster?: RosterFactory,
): {
  room: Room
  sink: RoomSink
  destroy(): void
} {
  const { client, sink: captured } = createSinkClient('bench-self', {
    batch: batch === 'sync' ? 'sync' : () => () => {},
    maxDataBytes: 4_096,
    ...(roster === undefined ? {} : { roster }),
  })
  const room = client.room('bench')
  room.watch()
  const sink = captured()!
  sink.status('connected', { connectionId: 'bench-self-1' })
  return { room, sink, destroy: () => client.destroy() }
}
