import type {
  AdapterRoom,
  ConnectionInput,
  LocalPresence,
  PresenceAdapter,
  RoomSink,
  SelfUser,
} from '@presence-kit/core'
import type * as Ably from 'ably'
import { LocalPresenceSlot } from '../shared/local-presence.js'
import { backendError, describe, invalidInput, isId, isRecord, profileOf } from '../shared/wire.js'
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
  const open = new Set<AdapterRoom>()

  function openRoom({ room, user, sink }: { room: string; user: SelfUser; sink: RoomSink }): AdapterRoom {
    const channel = client.channels.get(nameOf(room))
    const local = new LocalPresenceSlot()
    const profile = profileOf(user)
    const members = new Map<string, MemberState>()
    let versions = 0
    let closed = false
    let everAttached = false
    let snapshots = 0

    const report = (error: unknown) => sink.error(error)
    const fail = (what: string) => (error: unknown) => {
      if (!closed) report(backendError(BACKEND, `${what} failed.`, error))
    }
    const payload = (presence: LocalPresence) => ({
      data: presence.data,
      activity: presence.activity,
      profile,
    })

    /** A checked message, or undefined (reported). */
    const read = (raw: unknown) => {
      if (
        !isRecord(raw) ||
        !isId(raw.clientId) ||
        !isId(raw.connectionId) ||
        !isId(raw.id) ||
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
      if (closed) return
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
      if (closed) return
      const raw: unknown = message
      const data = isRecord(raw) ? raw.data : undefined
      if (!isRecord(raw) || !isId(raw.clientId) || !isRecord(data) || typeof data.typing !== 'boolean') {
        return report(
          invalidInput(BACKEND, `"${typingEvent}" needs a clientId and { typing }.`, describe(raw)),
        )
      }
      const connectionId = isId(raw.connectionId) ? keyOf(raw.connectionId, raw.clientId) : undefined
      sink.typing({
        userId: raw.clientId,
        typing: data.typing,
        ...(connectionId === undefined ? {} : { connectionId }),
      })
    }

    const snapshot = () => {
      const run = ++snapshots
      channel.presence.get().then((list) => {
        if (closed || run !== snapshots) return
        if (!Array.isArray(list))
          return report(invalidInput(BACKEND, 'presence.get() gave no list.', describe(list)))
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
        sink.snapshot(connections)
      }, fail('presence.get()'))
    }

    const ownKey = () => {
      const connectionId = client.connection.id
      const clientId = client.auth.clientId
      return isId(connectionId) && isId(clientId) ? keyOf(connectionId, clientId) : undefined
    }
    const onAttached = () => {
      everAttached = true
      local.linkUp()
      const key = ownKey()
      sink.status('connected', key === undefined ? {} : { connectionId: key })
      const owed = local.owed()
      if (owed !== undefined) channel.presence.enter(payload(owed)).catch(fail('presence.enter()'))
      snapshot()
    }
    const onState = (change: Ably.ChannelStateChange) => {
      if (closed) return
      switch (change.current) {
        case 'attached':
          onAttached()
          break
        case 'attaching':
          if (everAttached) sink.status('reconnecting')
          break
        case 'suspended':
        case 'detached':
          local.linkDown()
          sink.status(
            'reconnecting',
            change.reason === undefined
              ? {}
              : { error: backendError(BACKEND, change.current, change.reason) },
          )
          break
        case 'failed':
          local.linkDown()
          sink.status('failed', { error: backendError(BACKEND, 'the channel failed.', change.reason) })
          break
        default:
          break
      }
    }

    sink.status('connecting')
    channel.on(onState)
    channel.subscribe(typingEvent, onTyping).catch(fail('subscribing to typing'))
    channel.presence.subscribe(onPresence).catch(fail('presence.subscribe()'))
    if (channel.state === 'attached') onAttached()

    const adapterRoom: AdapterRoom = {
      enter(presence) {
        if (local.set(presence)) channel.presence.enter(payload(presence)).catch(fail('presence.enter()'))
      },
      update(presence) {
        if (local.presence === undefined) return
        if (local.set(presence)) channel.presence.update(payload(presence)).catch(fail('presence.update()'))
      },
      leave() {
        const wasEntered = local.presence !== undefined
        local.clear()
        if (wasEntered) channel.presence.leave().catch(fail('presence.leave()'))
      },
      typing(typing) {
        if (local.presence === undefined || !local.linked) return
        channel.publish(typingEvent, { typing }).catch(fail('publishing typing'))
      },
      close() {
        if (closed) return
        if (local.presence !== undefined) adapterRoom.leave()
        closed = true
        open.delete(adapterRoom)
        channel.off(onState)
        channel.unsubscribe(typingEvent, onTyping)
        channel.presence.unsubscribe(onPresence)
        members.clear()
      },
    }
    open.add(adapterRoom)
    return adapterRoom
  }

  return {
    name: BACKEND,
    openRoom,
    destroy() {
      // The client is the app's: the adapter only leaves and unsubscribes.
      for (const room of Array.from(open)) room.close()
    },
  }
}
