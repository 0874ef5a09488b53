import type { PresenceEvent, PresenceMember, RoomStatusChange, TypingSetEvent } from '@ably/chat'
import type {
  AdapterRoom,
  ConnectionInput,
  LocalPresence,
  PresenceAdapter,
  RoomSink,
  SelfUser,
} from '@presence-kit/core'
import { readMemberData } from '../ably/read-data.js'
import { LocalPresenceSlot } from '../shared/local-presence.js'
import { backendError, describe, invalidInput, isId, isRecord, profileOf } from '../shared/wire.js'
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
  const open = new Set<AdapterRoom>()

  function openRoom({ room, user, sink }: { room: string; user: SelfUser; sink: RoomSink }): AdapterRoom {
    const local = new LocalPresenceSlot()
    const profile = profileOf(user)
    const members = new Map<string, MemberState>()
    const typers = new Set<string>()
    let chatRoom: AblyChatRoomLike | undefined
    let versions = 0
    let everAttached = false
    let closed = false
    let snapshots = 0
    let refreshTimer: ReturnType<typeof setInterval> | undefined
    const unsubscribers: (() => void)[] = []

    const report = (error: unknown) => sink.error(error)
    const fail = (what: string) => (error: unknown) => {
      if (!closed) report(backendError(BACKEND, `${what} failed.`, error))
    }
    const payload = (presence: LocalPresence) =>
      JSON.parse(JSON.stringify({ data: presence.data, activity: presence.activity, profile })) as Record<
        string,
        never
      >
    const checked = (raw: unknown): PresenceMember | undefined => {
      if (!isRecord(raw) || !isId(raw.clientId) || !isId(raw.connectionId)) {
        report(invalidInput(BACKEND, 'a presence member needs clientId and connectionId.', describe(raw)))
        return undefined
      }
      return raw as unknown as PresenceMember
    }

    const onPresence = (event: PresenceEvent) => {
      if (closed) return
      const raw: unknown = event
      if (!isRecord(raw) || typeof raw.type !== 'string' || !EVENTS.has(raw.type)) {
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
      if (closed) return
      const raw: unknown = event
      const change = isRecord(raw) ? raw.change : undefined
      if (!isRecord(change) || !isId(change.clientId) || typeof change.type !== 'string') {
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

    const snapshot = (target: AblyChatRoomLike) => {
      const run = ++snapshots
      target.presence.get().then((list) => {
        if (closed || run !== snapshots) return
        if (!Array.isArray(list))
          return report(invalidInput(BACKEND, 'presence.get() gave no list.', describe(list)))
        const connections: ConnectionInput[] = []
        const present = new Set<string>()
        for (const raw of list) {
          const member = checked(raw)
          if (member === undefined) continue
          const key = keyOf(member)
          const version = ++versions
          members.set(key, { updatedAt: timeOf(member), present: true, version })
          present.add(key)
          connections.push(connectionOf(member, version))
        }
        for (const [key, member] of members) if (!present.has(key)) member.present = false
        sink.snapshot(connections)
      }, fail('presence.get()'))
    }

    const onAttached = (target: AblyChatRoomLike) => {
      everAttached = true
      local.linkUp()
      const connectionId = client.realtime?.connection.id
      const clientId = client.clientId
      sink.status(
        'connected',
        isId(connectionId) && isId(clientId) ? { connectionId: `${connectionId}:${clientId}` } : {},
      )
      const owed = local.owed()
      if (owed !== undefined) target.presence.enter(payload(owed)).catch(fail('presence.enter()'))
      snapshot(target)
    }
    const onStatus = (target: AblyChatRoomLike) => (change: RoomStatusChange) => {
      if (closed) return
      switch (change.current) {
        case 'attached':
          return onAttached(target)
        case 'attaching':
          if (everAttached) sink.status('reconnecting')
          return
        case 'suspended':
        case 'detached':
          local.linkDown()
          return sink.status('reconnecting')
        case 'failed':
          local.linkDown()
          return sink.status('failed', { error: backendError(BACKEND, 'the room failed.', change.error) })
        case 'released':
          local.linkDown()
          return sink.status('disconnected')
        default:
          return
      }
    }

    sink.status('connecting')
    client.rooms.get(nameOf(room)).then(
      (target) => {
        if (closed) return
        chatRoom = target
        const presence = target.presence.subscribe(onPresence)
        const typing = target.typing.subscribe(onTyping)
        const status = target.onStatusChange(onStatus(target))
        unsubscribers.push(presence.unsubscribe, typing.unsubscribe, status.off)
        if (target.status === 'attached') onAttached(target)
        else target.attach().catch(fail('attach()'))
      },
      (error: unknown) => {
        if (!closed) sink.status('failed', { error: backendError(BACKEND, 'rooms.get() failed.', error) })
      },
    )

    const adapterRoom: AdapterRoom = {
      enter(presence) {
        if (local.set(presence)) chatRoom?.presence.enter(payload(presence)).catch(fail('presence.enter()'))
      },
      update(presence) {
        if (local.presence === undefined) return
        if (local.set(presence)) chatRoom?.presence.update(payload(presence)).catch(fail('presence.update()'))
      },
      leave() {
        const wasEntered = local.presence !== undefined
        local.clear()
        if (wasEntered && local.linked) chatRoom?.presence.leave().catch(fail('presence.leave()'))
      },
      typing(typing) {
        if (local.presence === undefined || !local.linked || chatRoom === undefined) return
        if (typing) chatRoom.typing.keystroke().catch(fail('typing.keystroke()'))
        else chatRoom.typing.stop().catch(fail('typing.stop()'))
      },
      close() {
        if (closed) return
        if (local.presence !== undefined) adapterRoom.leave()
        closed = true
        open.delete(adapterRoom)
        stopRefresh()
        for (const unsubscribe of unsubscribers.splice(0)) unsubscribe()
        members.clear()
        typers.clear()
      },
    }
    open.add(adapterRoom)
    return adapterRoom
  }

  return {
    name: BACKEND,
    openRoom,
    destroy() {
      // Rooms belong to the chat client: the adapter leaves and unsubscribes, the app releases them.
      for (const room of Array.from(open)) room.close()
    },
  }
}
