import type { HubCore } from './hub-core.js'
import { SINK_METHODS, type Envelope, type HubClient } from './hub-model.js'
import type { DisconnectOptions, InjectedMessage, ReconnectOptions } from './memory-hub-types.js'

/** The client's link drops. Idempotent: a client already down stays as it is. */
export function disconnectClient(core: HubCore, client: HubClient, options: DisconnectOptions = {}): void {
  if (!client.connected) return
  const removeFromRoom = options.removeFromRoom ?? true
  client.connected = false
  // Everything still in flight to the old link is lost.
  client.session++
  const statuses: Envelope[] = []
  for (const watcher of client.watchers.values()) {
    const id = watcher.entryId
    // The client is down already, so only the others hear the leave.
    if (removeFromRoom && id !== undefined && watcher.room.entries.get(id)?.owner === watcher) {
      core.remove(watcher.room, id)
    }
    statuses.push(core.envelope(watcher, 'status', ['reconnecting']))
  }
  core.post(statuses)
}

export function reconnectClient(core: HubCore, client: HubClient, options: ReconnectOptions = {}): void {
  if (client.connected) {
    throw new Error(
      `hub.reconnect: connection "${client.connectionId}" is not disconnected; call hub.disconnect first.`,
    )
  }
  const connectionId = options.connectionId ?? client.connectionId
  if (connectionId !== client.connectionId) {
    const other = core.clientOf(connectionId)
    if (other !== undefined && other !== client) {
      throw new Error(`hub.reconnect: connection id "${connectionId}" belongs to another client.`)
    }
    // A new link is a new connection: what the old one left behind is no longer this client's.
    for (const watcher of client.watchers.values()) core.orphan(watcher)
    client.connectionId = connectionId
  }
  client.connected = true
  const welcomes: Envelope[] = []
  for (const watcher of client.watchers.values()) welcomes.push(...core.welcome(watcher))
  core.post(welcomes)
}

export function injectMessage(core: HubCore, roomName: string, message: InjectedMessage): number {
  if (!SINK_METHODS.includes(message.method)) {
    throw new TypeError(
      `hub.inject: method must be one of ${SINK_METHODS.join(', ')}, got ${String(message.method)}.`,
    )
  }
  const room = core.rooms.get(roomName)
  if (room === undefined) return 0
  const args = 'detail' in message ? [message.payload, message.detail] : [message.payload]
  const envelopes: Envelope[] = []
  for (const watcher of room.watchers) {
    if (!watcher.client.connected) continue
    if (message.to !== undefined && watcher.client.connectionId !== message.to) continue
    envelopes.push(core.envelope(watcher, message.method, args, 'raw'))
  }
  core.post(envelopes)
  return envelopes.length
}
