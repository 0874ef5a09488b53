import { createPresenceClient, type PresenceClientOptions, type RoomSink } from '@presence-kit/core'

/**
 * A client whose adapter hands the room's sink to the benchmark, which then delivers wire input
 * the way an adapter does from its backend's callback: as direct as a peer's own `publish`. No
 * leave grace nor recently-left list: the peers have neither, and a roster must come with the last
 * event. `sink()` is undefined until the room opens (when something first watches or joins it).
 */
export function createSinkClient(
  userId: string,
  options: Pick<PresenceClientOptions, 'batch' | 'maxDataBytes' | 'roster'> = {},
) {
  let sink: RoomSink | undefined
  const client = createPresenceClient({
    adapter: {
      name: 'bench',
      openRoom(context) {
        sink = context.sink
        return { enter() {}, update() {}, leave() {}, typing() {}, close() {} }
      },
    },
    user: { id: userId },
    leaveGraceMs: 0,
    offlineRetentionMs: 0,
    ...options,
  })
  return { client, sink: () => sink }
}
