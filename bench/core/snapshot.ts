import type { ConnectionInput } from '@presence-kit/core'
import { Presence } from 'phoenix'
import { createKitRoom } from './kit-room.js'
import { medianMs } from './measure.js'
import { connectionId, payload, phoenixEntry, userId, type PhoenixState } from './workload.js'

function noop(): void {}

function kitSnapshot(members: number): ConnectionInput[] {
  return Array.from({ length: members }, (_, i) => ({
    userId: userId(i),
    connectionId: connectionId(i),
    version: 1,
    data: payload(i),
  }))
}

function phoenixSnapshot(members: number): PhoenixState {
  const state: PhoenixState = {}
  for (let i = 0; i < members; i++) state[userId(i)] = phoenixEntry(i)
  return state
}

/** A first snapshot into an empty room, and a resync with the same roster (after a reconnect). */
export function snapshot(options: { members: number; runs: number }) {
  const { members, runs } = options
  const kitFirst = medianMs(runs, () => {
    const input = kitSnapshot(members)
    const { room, sink, destroy } = createKitRoom()
    return () => {
      sink.snapshot(input)
      room.flush()
      if (room.get().count !== members) throw new Error('kit snapshot lost members')
      destroy()
    }
  })
  const phoenixFirst = medianMs(runs, () => {
    const input = phoenixSnapshot(members)
    return () => {
      const state = Presence.syncState({}, input, noop, noop)
      if (Object.keys(state).length !== members) throw new Error('phoenix snapshot lost members')
    }
  })
  const kitResync = medianMs(runs, () => {
    const { room, sink, destroy } = createKitRoom()
    sink.snapshot(kitSnapshot(members))
    room.flush()
    const again = kitSnapshot(members)
    return () => {
      sink.status('reconnecting')
      sink.status('connected', { connectionId: 'bench-self-2' })
      sink.snapshot(again)
      room.flush()
      if (room.get().count !== members) throw new Error('kit resync lost members')
      destroy()
    }
  })
  const phoenixResync = medianMs(runs, () => {
    const state = Presence.syncState({}, phoenixSnapshot(members), noop, noop)
    const again = phoenixSnapshot(members)
    return () => {
      Presence.syncState(state, again, noop, noop)
    }
  })
  return { kitFirst, phoenixFirst, kitResync, phoenixResync }
}
