import type { AdapterRoom, LocalPresence, PresenceAdapter, RoomSink } from '@presence-kit/core'
import { createConnectionId } from '../shared/connection-id.js'
import { LocalPresenceSlot } from '../shared/local-presence.js'
import { backendError, describe, invalidInput, isId, isRecord } from '../shared/wire.js'
import { PhoenixPresenceMap } from './presence-map.js'
import { defaultReadMeta } from './read-meta.js'
import type { PhoenixAdapterOptions, PhoenixChannel } from './types.js'

const BACKEND = 'phoenix'

/**
 * Presence over Phoenix Channels and `Phoenix.Presence`. Each room is a channel; `presence_state`
 * is the snapshot and `presence_diff` the changes; a key is a user and each of its metas one
 * connection. The local user enters by pushing `presence:enter` (the server tracks it), typing
 * goes out as a push and comes back as a broadcast. See the adapters README for the server side.
 */
export function createPhoenixAdapter(options: PhoenixAdapterOptions): PresenceAdapter {
  const { socket } = options
  const topicOf = options.topic ?? ((room: string) => `presence:${room}`)
  const paramsOf = options.params ?? (() => ({}))
  const connectionIdKey = options.connectionIdKey ?? 'presence_id'
  const presenceEvents = options.presenceEvents ?? { state: 'presence_state', diff: 'presence_diff' }
  const pushEvents = {
    enter: options.pushEvents?.enter ?? 'presence:enter',
    update: options.pushEvents?.update ?? 'presence:update',
    leave: options.pushEvents?.leave ?? 'presence:leave',
  }
  const typingEvent = options.typingEvent ?? 'presence:typing'
  const userIdFromKey = options.userIdFromKey ?? ((key: string) => key)
  const readMeta = options.readMeta ?? defaultReadMeta(connectionIdKey)
  const open = new Set<AdapterRoom>()

  function openRoom({ room, sink }: { room: string; sink: RoomSink }): AdapterRoom {
    const map = new PhoenixPresenceMap({
      connectionIdKey,
      userIdFromKey,
      readMeta,
      report: (e) => sink.error(e),
    })
    const local = new LocalPresenceSlot()
    let joinedId: string | undefined
    let sentId: string | undefined
    let closed = false

    sink.status('connecting')
    // Phoenix calls a function param on every (re)join: each join is a new connection with a new
    // id, so the store never mistakes it for the connection that left.
    const channel: PhoenixChannel = socket.channel(topicOf(room), () => {
      sentId = createConnectionId()
      return { ...paramsOf(room), [connectionIdKey]: sentId }
    })

    const send = (event: string, payload: object) => {
      channel.push(event, payload).receive('error', (response) => {
        sink.error(backendError(BACKEND, `the server refused "${event}".`, response))
      })
    }
    const enterNow = (presence: LocalPresence) =>
      send(pushEvents.enter, { data: presence.data, activity: presence.activity })

    channel.on(presenceEvents.state, (payload) => {
      const connections = map.state(payload)
      if (connections !== undefined) sink.snapshot(connections)
    })
    channel.on(presenceEvents.diff, (payload) => {
      const changes = map.diff(payload)
      if (changes === undefined) return
      for (const change of changes) {
        if (change.kind === 'leave') sink.leave(change.leave)
        else if (change.kind === 'join') sink.join(change.connection)
        else sink.update(change.connection)
      }
    })
    channel.on(typingEvent, (payload) => {
      if (!isRecord(payload) || !isId(payload.user_id) || typeof payload.typing !== 'boolean') {
        sink.error(invalidInput(BACKEND, `"${typingEvent}" needs { user_id, typing }.`, describe(payload)))
        return
      }
      const connectionId = payload[connectionIdKey]
      sink.typing({
        userId: payload.user_id,
        typing: payload.typing,
        ...(isId(connectionId) ? { connectionId } : {}),
      })
    })
    channel.onError(() => {
      if (closed) return
      local.linkDown()
      joinedId = undefined
      sink.status('reconnecting')
    })
    channel.onClose(() => {
      if (closed) return
      local.linkDown()
      sink.status('disconnected')
    })

    channel
      .join()
      .receive('ok', () => {
        if (closed) return
        joinedId = sentId
        local.linkUp()
        sink.status('connected', joinedId === undefined ? {} : { connectionId: joinedId })
        // Entered before this link came up: the store does not call enter again for it.
        const owed = local.owed()
        if (owed !== undefined) enterNow(owed)
      })
      .receive('error', (response) => {
        if (closed) return
        sink.status('failed', {
          error: backendError(BACKEND, 'the server refused to join the channel.', response),
        })
      })
      .receive('timeout', () => {
        if (!closed) sink.status('reconnecting')
      })
    socket.connect?.()

    const adapterRoom: AdapterRoom = {
      enter(presence) {
        if (local.set(presence)) enterNow(presence)
      },
      update(presence) {
        if (local.presence === undefined) return
        if (local.set(presence)) send(pushEvents.update, { data: presence.data, activity: presence.activity })
      },
      leave() {
        const wasEntered = local.presence !== undefined
        local.clear()
        if (wasEntered && local.linked) send(pushEvents.leave, {})
      },
      typing(typing) {
        if (local.presence !== undefined && local.linked) channel.push(typingEvent, { typing })
      },
      close() {
        if (closed) return
        closed = true
        open.delete(adapterRoom)
        map.clear()
        channel.leave()
      },
    }
    open.add(adapterRoom)
    return adapterRoom
  }

  return {
    name: BACKEND,
    openRoom,
    destroy() {
      // The socket is the app's: only the channels this adapter joined are left.
      for (const room of Array.from(open)) room.close()
    },
  }
}
