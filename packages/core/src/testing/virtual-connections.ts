import type { HubCore } from './hub-core.js'
import { cloneWire } from './clone-wire.js'
import type { HubEntry } from './hub-model.js'
import type { VirtualConnectionChange, VirtualConnectionInit } from './memory-hub-types.js'

/**
 * Connections with no client behind them, for simulators and benchmarks. Each call is a few Map
 * operations plus one message per watching client, so a room can hold 100,000 of them.
 */
export function addVirtual(
  core: HubCore,
  roomName: string,
  init: VirtualConnectionInit,
  newId: () => string,
): string {
  const room = core.room(roomName)
  let connectionId = init.connectionId
  if (connectionId === undefined) {
    do connectionId = newId()
    while (room.entries.has(connectionId) || core.clientOf(connectionId) !== undefined)
  } else if (room.entries.has(connectionId) || core.clientOf(connectionId) !== undefined) {
    core.releaseIfEmpty(room)
    throw new Error(
      `hub.addVirtual: connection id "${connectionId}" is already in use in room "${roomName}".`,
    )
  }
  core.upsert(room, {
    connectionId,
    userId: init.userId,
    data: cloneWire(init.data ?? {}),
    activity: cloneWire(init.activity),
    profile: cloneWire(init.profile),
    owner: undefined,
    virtual: true,
  })
  return connectionId
}

export function updateVirtual(
  core: HubCore,
  roomName: string,
  connectionId: string,
  change: VirtualConnectionChange,
): void {
  const entry = virtualEntry(core, roomName, connectionId, 'updateVirtual')
  core.upsert(core.room(roomName), {
    ...entry,
    data: change.data === undefined ? entry.data : cloneWire(change.data),
    activity: change.activity === undefined ? entry.activity : cloneWire(change.activity),
    profile: change.profile === undefined ? entry.profile : cloneWire(change.profile),
  })
}

export function removeVirtual(core: HubCore, roomName: string, connectionId: string): boolean {
  const room = core.rooms.get(roomName)
  if (room?.entries.get(connectionId)?.virtual !== true) return false
  return core.remove(room, connectionId)
}

export function typingVirtual(core: HubCore, roomName: string, connectionId: string, typing: boolean): void {
  const entry = virtualEntry(core, roomName, connectionId, 'typingVirtual')
  core.post(core.broadcast(core.room(roomName), 'typing', { userId: entry.userId, connectionId, typing }))
}

function virtualEntry(core: HubCore, roomName: string, connectionId: string, method: string): HubEntry {
  const entry = core.rooms.get(roomName)?.entries.get(connectionId)
  if (entry?.virtual !== true) {
    throw new Error(`hub.${method}: no virtual connection "${connectionId}" in room "${roomName}".`)
  }
  return entry
}
