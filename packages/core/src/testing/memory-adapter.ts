import type { AdapterRoom, LocalPresence, RoomSink } from '../adapter.js'
import type { SelfUser, UserInfo } from '../types.js'
import { cloneWire } from './clone-wire.js'
import type { HubCore } from './hub-core.js'
import type { HubClient, HubWatcher } from './hub-model.js'
import type { MemoryAdapter } from './memory-hub-types.js'

/** One client connection (one tab) to the hub, as the store sees it. */
export function createMemoryAdapter(core: HubCore, connectionId: string): MemoryAdapter {
  const client: HubClient = {
    connectionId,
    connected: true,
    session: 0,
    destroyed: false,
    watchers: new Map(),
  }
  const adapter: MemoryAdapter = {
    name: 'memory',
    get connectionId() {
      return client.connectionId
    },
    get connected() {
      return client.connected
    },
    openRoom: ({ room, user, sink }) => openRoom(core, client, room, user, sink),
    destroy() {
      // Closing deletes from the map being iterated, which Map iteration allows.
      for (const watcher of client.watchers.values()) closeRoom(core, watcher)
      client.destroyed = true
      core.clients.delete(adapter)
    },
  }
  core.clients.set(adapter, client)
  return adapter
}

function openRoom(
  core: HubCore,
  client: HubClient,
  name: string,
  user: SelfUser,
  sink: RoomSink,
): AdapterRoom {
  if (core.destroyed) throw new Error('[presence-kit] memory adapter: openRoom() after hub.destroy().')
  if (client.destroyed) throw new Error('[presence-kit] memory adapter: openRoom() after adapter.destroy().')
  if (client.watchers.has(name)) {
    throw new Error(
      `[presence-kit] memory adapter: room "${name}" is already open on this connection; close it first.`,
    )
  }
  const room = core.room(name)
  const watcher: HubWatcher = { client, room, sink, user, closed: false, entryId: undefined }
  room.watchers.add(watcher)
  client.watchers.set(name, watcher)
  const greeting = [core.envelope(watcher, 'status', ['connecting'])]
  // Opened while the link is down: the rest comes with hub.reconnect.
  if (client.connected) greeting.push(...core.welcome(watcher))
  core.post(greeting)

  // Sends while the link is down are lost, like a socket's; the store re-enters after `connected`.
  const canSend = () => !watcher.closed && client.connected && !core.destroyed
  return {
    enter(presence) {
      if (canSend()) enter(core, watcher, presence)
    },
    update(presence) {
      if (canSend()) enter(core, watcher, presence)
    },
    leave() {
      if (canSend()) leave(core, watcher)
    },
    typing(typing) {
      if (!canSend()) return
      const signal = { userId: user.id, connectionId: client.connectionId, typing }
      core.post(core.broadcast(room, 'typing', signal))
    },
    close: () => closeRoom(core, watcher),
  }
}

/** Enter and update are one upsert, as on most servers: entering twice never makes two connections. */
function enter(core: HubCore, watcher: HubWatcher, presence: LocalPresence): void {
  const connectionId = watcher.client.connectionId
  watcher.entryId = connectionId
  core.upsert(watcher.room, {
    connectionId,
    userId: watcher.user.id,
    data: cloneWire(presence.data),
    activity: cloneWire(presence.activity),
    profile: profileOf(watcher.user),
    owner: watcher,
    virtual: false,
  })
}

function leave(core: HubCore, watcher: HubWatcher): void {
  const id = watcher.entryId
  if (id !== undefined && watcher.room.entries.get(id)?.owner === watcher) core.remove(watcher.room, id)
  watcher.entryId = undefined
}

function closeRoom(core: HubCore, watcher: HubWatcher): void {
  if (watcher.closed) return
  // Closed first: nothing reaches a closed sink, not even the echo of its own leave.
  watcher.closed = true
  watcher.room.watchers.delete(watcher)
  watcher.client.watchers.delete(watcher.room.name)
  // A client that closes while its link is down cannot tell the server: its presence stays a ghost.
  if (watcher.client.connected && !core.destroyed) leave(core, watcher)
  else core.orphan(watcher)
  core.releaseIfEmpty(watcher.room)
}

/** The server knows users by what they authenticated with: only the display fields go out. */
function profileOf(user: SelfUser): UserInfo | undefined {
  const profile: { name?: string; avatarUrl?: string } = {}
  if (typeof user.name === 'string') profile.name = user.name
  if (typeof user.avatarUrl === 'string') profile.avatarUrl = user.avatarUrl
  return profile.name === undefined && profile.avatarUrl === undefined ? undefined : profile
}
