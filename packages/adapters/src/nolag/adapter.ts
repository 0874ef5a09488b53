import type { LocalPresence, PresenceAdapter, SelfUser } from '@presence-kit/core'
import { defineAdapter } from '../shared/define-adapter.js'
import type { BackendRoom, RoomLink } from '../shared/room-link.js'
import { backendError, profileOf } from '../shared/wire.js'
import { readActor, type KitPresence } from './read-actor.js'
import type { ActorPresence, NoLagAdapterOptions } from './types.js'

const BACKEND = 'nolag'

/**
 * Presence over the NoLag SDK (seed 001). NoLag presence belongs to the client, not to a room, so
 * the kit keeps one entry per room in it (`{ userId, name, avatarUrl, rooms: { [room]: { data,
 * activity, typing } } }`) and every room's change is one `setPresence` of the whole. An actor is
 * a connection; it is in a room while its presence lists the room. Typing is a flag of the room's
 * entry, as NoLag suggests; the store throttles it. NoLag re-sends the presence after a reconnect,
 * and so does the store.
 */
export function createNoLagAdapter(options: NoLagAdapterOptions): PresenceAdapter {
  const { client } = options
  const ownId = options.actorTokenId ?? client.actorTokenId
  const rooms = new Map<string, { data: LocalPresence['data']; activity: unknown; typing: boolean }>()
  let self: SelfUser | undefined
  let seq = 0
  let sendError: ((error: unknown) => void) | undefined

  const publish = () => {
    if (self === undefined) return
    const presence: KitPresence = {
      userId: self.id,
      ...profileOf(self),
      seq: ++seq,
      rooms: Object.fromEntries(rooms),
    }
    try {
      Promise.resolve(client.setPresence(presence as unknown as Record<string, unknown>)).catch(
        (error: unknown) => sendError?.(backendError(BACKEND, 'setPresence failed.', error)),
      )
    } catch (error) {
      sendError?.(backendError(BACKEND, 'setPresence failed.', error))
    }
  }

  function openRoom(link: RoomLink): BackendRoom {
    const { room, user, sink } = link
    self = user
    const report = (error: unknown) => link.report(error)
    sendError = report
    /** Actors the store has been told are in this room, with their typing flag. */
    const inRoom = new Map<string, boolean>()
    /** The user of each actor shown, for its leave (a leaving actor's presence may be empty). */
    const knownUser = new Map<string, string>()
    let fetches = 0

    const applyActor = (actor: ActorPresence, leaving: boolean) => {
      if (link.closed) return
      const id = (actor as { actorTokenId?: unknown })?.actorTokenId
      const wasTyping = typeof id === 'string' ? inRoom.get(id) : undefined
      const read = leaving ? undefined : readActor(actor, room, report, wasTyping !== undefined)
      if (read === null || typeof id !== 'string') return
      if (read === undefined) {
        if (wasTyping === undefined) return
        inRoom.delete(id)
        const userId = leaving ? leftUserId(actor) : undefined
        const leftSeq = (actor as { presence?: { seq?: unknown } }).presence?.seq
        sink.leave({
          connectionId: id,
          userId: userId ?? knownUser.get(id) ?? id,
          ...(typeof leftSeq === 'number' && Number.isFinite(leftSeq) ? { version: leftSeq } : {}),
        })
        knownUser.delete(id)
        return
      }
      const { connection, typing } = read
      inRoom.set(id, typing)
      knownUser.set(id, connection.userId)
      if (wasTyping === undefined) sink.join(connection)
      else sink.update(connection)
      if (typing) sink.typing({ userId: connection.userId, connectionId: id, typing: true })
      else if (wasTyping) sink.typing({ userId: connection.userId, connectionId: id, typing: false })
    }
    const onJoin = (actor: ActorPresence) => applyActor(actor, false)
    const onUpdate = (actor: ActorPresence) => applyActor(actor, false)
    const onLeave = (actor: ActorPresence) => applyActor(actor, true)

    const resync = () => {
      const fetch = ++fetches
      client.fetchPresence().then(
        (actors) => {
          if (link.closed || fetch !== fetches || !link.linked) return
          if (!Array.isArray(actors))
            return report(backendError(BACKEND, 'fetchPresence gave no list.', actors))
          const connections = []
          const before = new Map(inRoom)
          inRoom.clear()
          for (const actor of actors) {
            const read = readActor(actor, room, report, before.has((actor as ActorPresence)?.actorTokenId))
            if (read === undefined || read === null) continue
            inRoom.set(read.connection.connectionId, read.typing)
            knownUser.set(read.connection.connectionId, read.connection.userId)
            connections.push(read.connection)
          }
          sink.snapshot(connections)
        },
        (error: unknown) => report(backendError(BACKEND, 'fetchPresence failed.', error)),
      )
    }
    const onConnected = () => {
      if (link.closed || link.linked) return
      link.up(ownId)
      resync()
    }
    const onDisconnected = () => {
      if (link.linked) link.down('reconnecting')
    }

    client.on('presence:join', onJoin)
    client.on('presence:update', onUpdate)
    client.on('presence:leave', onLeave)
    client.on('connected', onConnected)
    client.on('disconnected', onDisconnected)
    if (client.connected !== false) onConnected()

    const setRoom = (presence: LocalPresence) => {
      rooms.set(room, {
        data: presence.data,
        activity: presence.activity,
        typing: rooms.get(room)?.typing ?? false,
      })
      publish()
    }
    return {
      enter: setRoom,
      update: setRoom,
      leave() {
        if (rooms.delete(room)) publish()
      },
      typing(typing) {
        const current = rooms.get(room)
        if (current === undefined) return
        rooms.set(room, { ...current, typing })
        publish()
      },
      close() {
        client.off('presence:join', onJoin)
        client.off('presence:update', onUpdate)
        client.off('presence:leave', onLeave)
        client.off('connected', onConnected)
        client.off('disconnected', onDisconnected)
      },
    }
  }

  return defineAdapter(BACKEND, options, {
    // NoLag keeps the client's presence and sends it again after a reconnect.
    sendsWhileDown: true,
    leaveOnClose: true,
    openRoom,
  })
}

/** The user of an actor that left, from the presence it had, when it says. */
function leftUserId(actor: ActorPresence): string | undefined {
  const userId = (actor as { presence?: { userId?: unknown } })?.presence?.userId
  return typeof userId === 'string' && userId !== '' ? userId : undefined
}
