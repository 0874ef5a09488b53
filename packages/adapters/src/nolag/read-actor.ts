import type { ConnectionInput, PresenceData } from '@presence-kit/core'
import { isNonEmptyString, isPlainObject } from '@presence-kit/protocol'
import { describe, invalidInput, readActivity, readProfile } from '../shared/wire.js'

const BACKEND = 'nolag'

/** What the kit keeps in an actor's (client-level) presence: one entry per room. */
export interface KitPresence {
  readonly userId: string
  readonly name?: string
  readonly avatarUrl?: string
  /** Counts this actor's presences: the order of what it sends. */
  readonly seq: number
  readonly rooms: Record<string, { data: PresenceData; activity?: unknown; typing?: boolean }>
}

/** One actor in one room, or undefined when it is not in the room (or could not be read). */
export function readActor(
  actor: unknown,
  room: string,
  report: (error: unknown) => void,
  updating = false,
): { connection: ConnectionInput; typing: boolean } | undefined | null {
  if (!isPlainObject(actor) || !isNonEmptyString(actor.actorTokenId) || !isPlainObject(actor.presence)) {
    report(invalidInput(BACKEND, 'an actor needs { actorTokenId, presence }.', describe(actor)))
    return null
  }
  const presence = actor.presence
  const rooms = presence.rooms
  // Kit actors count their presences (`seq`): that orders everything they send. For other actors
  // only `joinedAt`, new on every connection, orders a comeback after a leave; their updates are
  // ordered by arrival.
  const seq = presence.seq
  const joinedAt = actor.joinedAt
  const version =
    rooms !== undefined
      ? typeof seq === 'number' && Number.isFinite(seq)
        ? { version: seq }
        : {}
      : typeof joinedAt === 'number' && Number.isFinite(joinedAt) && !updating
        ? { version: joinedAt }
        : {}
  if (rooms === undefined) {
    // An actor that does not run the kit: its presence is its data, in every room.
    const data = JSON.parse(JSON.stringify(presence)) as PresenceData
    const profile = readProfile({ name: presence.username, avatarUrl: presence.avatar })
    return {
      connection: {
        connectionId: actor.actorTokenId,
        userId: actor.actorTokenId,
        data,
        ...version,
        ...(profile === undefined ? {} : { profile }),
      },
      typing: presence.isTyping === true,
    }
  }
  if (!isNonEmptyString(presence.userId) || !isPlainObject(rooms)) {
    report(invalidInput(BACKEND, `the presence of actor ${actor.actorTokenId} needs userId and rooms.`))
    return null
  }
  if (!Object.hasOwn(rooms, room)) return undefined
  const entry = rooms[room]
  if (!isPlainObject(entry) || !isPlainObject(entry.data)) {
    report(
      invalidInput(BACKEND, `rooms["${room}"] of actor ${actor.actorTokenId} needs data.`, describe(entry)),
    )
    return null
  }
  const activity = readActivity(entry.activity)
  const profile = readProfile(presence)
  return {
    connection: {
      connectionId: actor.actorTokenId,
      userId: presence.userId,
      data: JSON.parse(JSON.stringify(entry.data)) as PresenceData,
      ...version,
      ...(activity === undefined ? {} : { activity }),
      ...(profile === undefined ? {} : { profile }),
    },
    typing: entry.typing === true,
  }
}
