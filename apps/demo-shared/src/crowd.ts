import { createPresenceClient, type PresenceClient, type PresenceClientOptions } from '@presence-kit/core'
import { bigRoomRoster } from '@presence-kit/core/big-rooms'
import { createMemoryHub, createSimulatedCrowd, type SimulatedCrowd } from '@presence-kit/core/testing'
import { withLocalCrowdPeople } from './crowd-people.js'

/** The sizes the crowd switch offers. */
export const CROWD_SIZES: readonly number[] = [10, 100, 1_000, 10_000, 100_000]

/** The room the crowd lives in, on its own in-page hub. */
export const CROWD_ROOM = 'crowd'

/**
 * A simulated crowd beside the real rooms: its own client on an in-page memory hub, so thousands of
 * simulated members never reach the reference server (whose limits would refuse them) and the real
 * rooms stay readable. The local user joins the crowd room too, to see themselves among the crowd.
 */
export interface DemoCrowd {
  readonly client: PresenceClient
  readonly room: string
  setSize(members: number): void
  stats(): ReturnType<SimulatedCrowd['stats']>
  dispose(): void
}

/** Churn, typing and activity that keep a crowd of this size lively without drowning the page. */
function rates(members: number) {
  return {
    churnPerSecond: Math.min(members / 10, 10),
    typingPerSecond: Math.min(members / 20, 1),
    activityPerSecond: Math.min(members / 5, 10),
  }
}

export function createDemoCrowd(
  members: number,
  clientOptions: Omit<PresenceClientOptions, 'adapter'>,
): DemoCrowd {
  const hub = createMemoryHub()
  // Names and pictures of the demo's own: nothing the crowd shows is fetched from anywhere.
  const crowd = createSimulatedCrowd({
    hub: withLocalCrowdPeople(hub),
    room: CROWD_ROOM,
    seed: 7,
    members,
    ...rates(members),
  })
  // Up to 100,000 members: a commit of the crowd's room costs what changed, not the room's size.
  const client = createPresenceClient({ ...clientOptions, adapter: hub.adapter(), roster: bigRoomRoster })
  crowd.start()
  return {
    client,
    room: CROWD_ROOM,
    setSize(size) {
      crowd.setOptions({ members: size, ...rates(size) })
    },
    stats: () => crowd.stats(),
    dispose() {
      crowd.dispose()
      client.destroy()
      hub.destroy()
    },
  }
}
