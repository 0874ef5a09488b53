import type { ConnectionInput, LocalPresence, PresenceAdapter } from '@presence-kit/core'
import { isNonEmptyString, isPlainObject } from '@presence-kit/protocol'
import type * as Ably from 'ably'
import { defineAdapter } from '../shared/define-adapter.js'
import type { BackendRoom, RoomLink } from '../shared/room-link.js'
import { backendError, describe, invalidInput, profileOf } from '../shared/wire.js'
import { latestRoster } from './latest-roster.js'
import { isNewer, type PresenceOrder } from './newness.js'
import { readMemberData } from './read-data.js'
import type { AblyAdapterOptions } from './types.js'

const BACKEND = 'ably'
const ACTIONS = new Set(['absent', 'present', 'enter', 'leave', 'update'])
/** How many left members are remembered, so their late messages are recognised as old. */
const MAX_LEFT = 5_000

interface MemberState {
  order: PresenceOrder
  present: boolean
  userId: string
  /** What the store was told last, counted per room: a comeback after a leave is newer. */
  version: number
}

const keyOf = (connectionId: string, clientId: string) => `${connectionId}:${clientId}`

const connectionOf = (message: Ably.PresenceMessage, version: number): ConnectionInput => ({
  connectionId: keyOf(message.connectionId, message.clientId),
  userId: message.clientId,
  version,
  ...readMemberData(message.data),
})

/**
 * Presence over Ably Pub/Sub channel presence (ably 2.x). A member (`connectionId` + `clientId`)
 * is a connection of the user `clientId`; which of two messages of a member is newer follows
 * Ably's rules (serials in the message id, timestamps for leaves the server made). Typing goes over
 * a channel message, since Pub/Sub presence has no typing of its own.
 */
export function createAblyAdapter(options: AblyAdapterOptions): PresenceAdapter {
  const { client } = options
  const nameOf = options.channel ?? ((room: string) => `presence:${room}`)
  const typingEvent = options.typingEvent ?? 'presence-kit:typing'

  function openRoom(link: RoomLink): BackendRoom {
    const { room, user, sink } = link
    const channel = client.channels.get(nameOf(room))
    const profile = profileOf(user)
    const members = new Map<string, MemberState>()
    let versions = 0
    let everAttached = false

    const report = (error: unknown) => link.report(error)
    const fail = (what: string) => (error: unknown) => report(backendError(BACKEND, `${what} failed.`, error))
    const payload = (presence: LocalPresence) => ({
      data: presence.data,
      activity: presence.activity,
      profile,
    })

    /** A checked message, or undefined (reported). */
    const read = (raw: unknown) => {
      if (
        !isPlainObject(raw) ||
        !isNonEmptyString(raw.clientId) ||
        !isNonEmptyString(raw.connectionId) ||
        !isNonEmptyString(raw.id) ||
        typeof raw.timestamp !== 'number' ||
        typeof raw.action !== 'string' ||
        !ACTIONS.has(raw.action)
      ) {
        report(
          invalidInput(
            BACKEND,
            'a presence message needs action, clientId, connectionId, id and timestamp.',
            describe(raw),
          ),
        )
        return undefined
      }
      return raw as unknown as Ably.PresenceMessage
    }

    const onPresence = (raw: Ably.PresenceMessage) => {
      if (link.closed) return
      const message = read(raw)
      if (message === undefined) return
      const key = keyOf(message.connectionId, message.clientId)
      const known = members.get(key)
      if (known !== undefined && !isNewer(message, known.order)) return
      const version = ++versions
      const leaving = message.action === 'leave' || message.action === 'absent'
      members.set(key, { order: message, present: !leaving, userId: message.clientId, version })
      if (leaving) {
        if (known?.present === true) sink.leave({ connectionId: key, userId: message.clientId, version })
        forgetOldLeaves()
      } else if (known?.present === true) {
        sink.update(connectionOf(message, version))
      } else {
        sink.join(connectionOf(message, version))
      }
    }

    const forgetOldLeaves = () => {
      if (members.size <= MAX_LEFT) return
      for (const [key, member] of members) {
        if (members.size <= MAX_LEFT) break
        if (!member.present) members.delete(key)
      }
    }

    const onTyping = (message: Ably.InboundMessage) => {
      if (link.closed) return
      const raw: unknown = message
      const data = isPlainObject(raw) ? raw.data : undefined
      if (
        !isPlainObject(raw) ||
        !isNonEmptyString(raw.clientId) ||
        !isPlainObject(data) ||
        typeof data.typing !== 'boolean'
      ) {
        return report(
          invalidInput(BACKEND, `"${typingEvent}" needs a clientId and { typing }.`, describe(raw)),
        )
      }
      const connectionId = isNonEmptyString(raw.connectionId)
        ? keyOf(raw.connectionId, raw.clientId)
        : undefined
      sink.typing({
        userId: raw.clientId,
        typing: data.typing,
        ...(connectionId === undefined ? {} : { connectionId }),
      })
    }

    const fetchRoster = latestRoster(BACKEND, link)
    const snapshot = () =>
      fetchRoster(
        () => channel.presence.get(),
        (list) => {
          const connections: ConnectionInput[] = []
          const present = new Set<string>()
          for (const raw of list) {
            const message = read(raw)
            if (message === undefined || message.action === 'leave' || message.action === 'absent') continue
            const key = keyOf(message.connectionId, message.clientId)
            const known = members.get(key)
            // A message seen since is newer than the roster's copy: keep what the store has.
            if (known !== undefined && !isNewer(message, known.order)) {
              if (known.present) present.add(key)
              if (known.present)
                connections.push(connectionOf(known.order as Ably.PresenceMessage, known.version))
              continue
            }
            const version = ++versions
            members.set(key, { order: message, present: true, userId: message.clientId, version })
            present.add(key)
            connections.push(connectionOf(message, version))
          }
          for (const [key, member] of members) if (member.present && !present.has(key)) member.present = false
          return connections
        },
      )

    const ownKey = () => {
      const connectionId = client.connection.id
      const clientId = client.auth.clientId
      return isNonEmptyString(connectionId) && isNonEmptyString(clientId)
        ? keyOf(connectionId, clientId)
        : undefined
    }
    const onAttached = () => {
      everAttached = true
      const key = ownKey()
      link.up(key)
      snapshot()
    }
    const onState = (change: Ably.ChannelStateChange) => {
      switch (change.current) {
        case 'attached':
          onAttached()
          break
        case 'attaching':
          if (everAttached) link.down('reconnecting')
          break
        case 'suspended':
        case 'detached':
          link.down(
            'reconnecting',
            change.reason === undefined ? undefined : backendError(BACKEND, change.current, change.reason),
          )
          break
        case 'failed':
          link.fail(backendError(BACKEND, 'the channel failed.', change.reason))
          break
        default:
          break
      }
    }

    channel.on(onState)
    channel.subscribe(typingEvent, onTyping).catch(fail('subscribing to typing'))
    channel.presence.subscribe(onPresence).catch(fail('presence.subscribe()'))
    if (channel.state === 'attached') onAttached()

    return {
      enter(presence) {
        channel.presence.enter(payload(presence)).catch(fail('presence.enter()'))
      },
      update(presence) {
        channel.presence.update(payload(presence)).catch(fail('presence.update()'))
      },
      leave() {
        channel.presence.leave().catch(fail('presence.leave()'))
      },
      typing(typing) {
        channel.publish(typingEvent, { typing }).catch(fail('publishing typing'))
      },
      close() {
        channel.off(onState)
        channel.unsubscribe(typingEvent, onTyping)
        channel.presence.unsubscribe(onPresence)
        members.clear()
      },
    }
  }

  return defineAdapter(BACKEND, options, {
    leaveOnClose: true,
    // The client is the app's: the adapter only leaves and unsubscribes. One made with
    // `autoConnect: false` is connected when the first room opens.
    connect() {
      client.connect?.()
      return client
    },
    openRoom,
  })
}
