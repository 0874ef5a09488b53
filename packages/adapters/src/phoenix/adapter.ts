import type { LocalPresence, PresenceAdapter } from '@presence-kit/core'
import { isNonEmptyString, isPlainObject } from '@presence-kit/protocol'
import { createConnectionId } from '../shared/connection-id.js'
import { defineAdapter } from '../shared/define-adapter.js'
import type { BackendRoom, RoomLink } from '../shared/room-link.js'
import { backendError, describe, invalidInput } from '../shared/wire.js'
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
  function openRoom(link: RoomLink): BackendRoom {
    const { room, sink } = link
    const map = new PhoenixPresenceMap({
      connectionIdKey,
      userIdFromKey,
      readMeta,
      report: (e) => link.report(e),
    })
    let sentId: string | undefined

    // Phoenix calls a function param on every (re)join: each join is a new connection with a new
    // id, so the store never mistakes it for the connection that left.
    const channel: PhoenixChannel = socket.channel(topicOf(room), () => {
      sentId = createConnectionId()
      return { ...paramsOf(room), [connectionIdKey]: sentId }
    })

    const send = (event: string, payload: object) => {
      channel.push(event, payload).receive('error', (response) => {
        link.report(backendError(BACKEND, `the server refused "${event}".`, response))
      })
    }

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
      if (
        !isPlainObject(payload) ||
        !isNonEmptyString(payload.user_id) ||
        typeof payload.typing !== 'boolean'
      ) {
        sink.error(invalidInput(BACKEND, `"${typingEvent}" needs { user_id, typing }.`, describe(payload)))
        return
      }
      const connectionId = payload[connectionIdKey]
      sink.typing({
        userId: payload.user_id,
        typing: payload.typing,
        ...(isNonEmptyString(connectionId) ? { connectionId } : {}),
      })
    })
    channel.onError(() => link.down('reconnecting'))
    channel.onClose(() => link.down('disconnected'))

    channel
      .join()
      .receive('ok', () => link.up(sentId))
      .receive('error', (response) =>
        link.fail(backendError(BACKEND, 'the server refused to join the channel.', response)),
      )
      .receive('timeout', () => {
        if (!link.closed) link.down('reconnecting')
      })
    socket.connect?.()

    return {
      enter: (presence) => send(pushEvents.enter, payloadOf(presence)),
      update: (presence) => send(pushEvents.update, payloadOf(presence)),
      leave: () => send(pushEvents.leave, {}),
      typing(typing) {
        channel.push(typingEvent, { typing })
      },
      close() {
        map.clear()
        channel.leave()
      },
    }
  }

  // The socket is the app's: only the channels this adapter joined are left.
  return defineAdapter(BACKEND, options, { openRoom })
}

const payloadOf = (presence: LocalPresence) => ({ data: presence.data, activity: presence.activity })
