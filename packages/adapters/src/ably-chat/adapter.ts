import { isNonEmptyString, isPlainObject } from '@presence-kit/protocol'
import type { PresenceEvent, PresenceMember, RoomStatusChange, TypingSetEvent } from '@ably/chat'
import type { ConnectionInput, LocalPresence, PresenceAdapter } from '@presence-kit/core'
import { latestRoster } from '../ably/latest-roster.js'
import { readMemberData } from '../ably/read-data.js'
import { defineAdapter } from '../shared/define-adapter.js'
import type { BackendRoom, RoomLink } from '../shared/room-link.js'
import { backendError, describe, invalidInput, profileOf } from '../shared/wire.js'
import type { AblyChatAdapterOptions, AblyChatRoomLike } from './types.js'

const BACKEND = 'ably-chat'
const EVENTS = new Set(['enter', 'leave', 'update', 'present'])

interface MemberState {
  updatedAt: number
  present: boolean
  version: number
}

const keyOf = (member: PresenceMember) => `${member.connectionId}:${member.clientId}`
const timeOf = (member: PresenceMember) => {
  const value: unknown = member.updatedAt
  return value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Number.NaN
}

const connectionOf = (member: PresenceMember, version: number): ConnectionInput => ({
  connectionId: keyOf(member),
  userId: member.clientId,
  version,
  ...readMemberData(member.data),
})

/**
 * Presence and typing over Ably Chat rooms (`@ably/chat`, seed 004). A presence member
 * (`connectionId` + `clientId`) is a connection of the user `clientId`; of two events of a member
 * the one with the later `updatedAt` wins, as Ably orders presence. Typing is Chat's own typing
 * API: `keystroke()` and `stop()` out, its set of current typers in.
 */
export function createAblyChatAdapter(options: AblyChatAdapterOptions): PresenceAdapter {
  const { client } = options
  const nameOf = options.roomName ?? ((room: string) => room)
  const refreshMs = options.typingRefreshMs ?? 1_500

  function openRoom(link: RoomLink): BackendRoom {
    const { room, user, sink } = link
    const profile = profileOf(user)
    const members = new Map<string, MemberState>()
    const typers = new Set<string>()
    let chatRoom: AblyChatRoomLike | undefined
    let versions = 0
    let everAttached = false
    let refreshTimer: ReturnType<typeof setInterval> | undefined
    const unsubscribers: (() => void)[] = []

    const report = (error: unknown) => link.report(error)
    const fail = (what: string) => (error: unknown) => report(backendError(BACKEND, `${what} failed.`, error))
    const payload = (presence: LocalPresence) =>
      JSON.parse(JSON.stringify({ data: presence.data, activity: presence.activity, profile })) as Record<
        string,
        never
      >
    const checked = (raw: unknown): PresenceMember | undefined => {
      if (!isPlainObject(raw) || !isNonEmptyString(raw.clientId) || !isNonEmptyString(raw.connectionId)) {
        report(invalidInput(BACKEND, 'a presence member needs clientId and connectionId.', describe(raw)))
        return undefined
      }
      return raw as unknown as PresenceMember
    }

    const onPresence = (event: PresenceEvent) => {
      if (link.closed) return
      const raw: unknown = event
      if (!isPlainObject(raw) || typeof raw.type !== 'string' || !EVENTS.has(raw.type)) {
        return report(invalidInput(BACKEND, 'a presence event needs a type and a member.', describe(raw)))
      }
      const member = checked(raw.member)
      if (member === undefined) return
      const key = keyOf(member)
      const known = members.get(key)
      const at = timeOf(member)
      // Older than what is known: a late copy. Equal times keep arrival order.
      if (known !== undefined && at < known.updatedAt) return
      const version = ++versions
      const leaving = raw.type === 'leave'
      members.set(key, {
        updatedAt: Number.isFinite(at) ? at : (known?.updatedAt ?? 0),
        present: !leaving,
        version,
      })
      if (leaving) {
        if (known?.present === true) sink.leave({ connectionId: key, userId: member.clientId, version })
      } else if (known?.present === true) sink.update(connectionOf(member, version))
      else sink.join(connectionOf(member, version))
    }

    const onTyping = (event: TypingSetEvent) => {
      if (link.closed) return
      const raw: unknown = event
      const change = isPlainObject(raw) ? raw.change : undefined
      if (!isPlainObject(change) || !isNonEmptyString(change.clientId) || typeof change.type !== 'string') {
        return report(invalidInput(BACKEND, 'a typing event needs a change with a clientId.', describe(raw)))
      }
      const typing = change.type === 'typing.started'
      if (typing) typers.add(change.clientId)
      else typers.delete(change.clientId)
      sink.typing({ userId: change.clientId, typing })
      if (typers.size > 0 && refreshTimer === undefined) {
        refreshTimer = setInterval(() => {
          for (const userId of typers) sink.typing({ userId, typing: true })
          if (typers.size === 0) stopRefresh()
        }, refreshMs)
      }
      if (typers.size === 0) stopRefresh()
    }
    const stopRefresh = () => {
      clearInterval(refreshTimer)
      refreshTimer = undefined
    }

    const fetchRoster = latestRoster(BACKEND, link)
    const snapshot = (target: AblyChatRoomLike) =>
      fetchRoster(
        () => target.presence.get(),
        (list) => {
          const connections: ConnectionInput[] = []
          for (const raw of list) {
            const member = checked(raw)
            if (member === undefined) continue
            const version = ++versions
            members.set(keyOf(member), { updatedAt: timeOf(member), present: true, version })
            connections.push(connectionOf(member, version))
          }
          const present = new Set(connections.map((connection) => connection.connectionId))
          for (const [key, member] of members) if (!present.has(key)) member.present = false
          return connections
        },
      )

    const onAttached = (target: AblyChatRoomLike) => {
      everAttached = true
      const connectionId = client.realtime?.connection.id
      const clientId = client.clientId
      link.up(
        isNonEmptyString(connectionId) && isNonEmptyString(clientId)
          ? `${connectionId}:${clientId}`
          : undefined,
      )
      snapshot(target)
    }
    const onStatus = (target: AblyChatRoomLike) => (change: RoomStatusChange) => {
      switch (change.current) {
        case 'attached':
          return onAttached(target)
        case 'attaching':
          if (everAttached) link.down('reconnecting')
          return
        case 'suspended':
        case 'detached':
          return link.down('reconnecting')
        case 'failed':
          return link.fail(backendError(BACKEND, 'the room failed.', change.error))
        case 'released':
          return link.down('disconnected')
        default:
          return
      }
    }

    client.rooms.get(nameOf(room)).then(
      (target) => {
        if (link.closed) return
        chatRoom = target
        const presence = target.presence.subscribe(onPresence)
        const typing = target.typing.subscribe(onTyping)
        const status = target.onStatusChange(onStatus(target))
        unsubscribers.push(presence.unsubscribe, typing.unsubscribe, status.off)
        if (target.status === 'attached') onAttached(target)
        else target.attach().catch(fail('attach()'))
      },
      (error: unknown) => link.fail(backendError(BACKEND, 'rooms.get() failed.', error)),
    )

    return {
      enter(presence) {
        chatRoom?.presence.enter(payload(presence)).catch(fail('presence.enter()'))
      },
      update(presence) {
        chatRoom?.presence.update(payload(presence)).catch(fail('presence.update()'))
      },
      leave() {
        chatRoom?.presence.leave().catch(fail('presence.leave()'))
      },
      typing(typing) {
        if (chatRoom === undefined) return
        if (typing) chatRoom.typing.keystroke().catch(fail('typing.keystroke()'))
        else chatRoom.typing.stop().catch(fail('typing.stop()'))
      },
      close() {
        stopRefresh()
        for (const unsubscribe of unsubscribers.splice(0)) unsubscribe()
        members.clear()
        typers.clear()
      },
    }
  }

  return defineAdapter(BACKEND, options, {
    // Rooms belong to the chat client: the adapter leaves and unsubscribes, the app releases them.
    leaveOnClose: true,
    openRoom,
  })
}
