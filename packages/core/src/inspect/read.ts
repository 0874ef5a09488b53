import type { PresenceClient } from '../client.js'
import { INSPECT } from '../inspect-key.js'
import { ACTIVITY, GRACE, RETAIN, TYPING } from '../model/deadline-keys.js'
import type { Room, RoomHost } from '../room.js'
import type { ActivityReport, Member } from '../types.js'
import type { ClientInternals, InspectedActivity, InspectedMember, InspectedRoom } from './types.js'

const nameOf = (member: Member): string | undefined =>
  typeof member.info?.name === 'string' ? member.info.name : undefined

/** Reads a client's internals; builds new objects each time, never hands out the store's own maps. */
export function readClient(client: PresenceClient, host: RoomHost): ClientInternals {
  const { options } = host
  const now = options.clock.now()
  return {
    now,
    user: client.user,
    adapter: options.adapter.name,
    activity: activityOf(client.activity.report(), options),
    rooms: client.rooms().map((room) => readRoom(room)),
  }
}

function activityOf(
  report: ActivityReport,
  thresholds: { readonly idleAfterMs: number; readonly awayAfterMs: number },
): InspectedActivity {
  const status =
    report.away || report.inactiveMs >= thresholds.awayAfterMs
      ? 'away'
      : report.hidden || report.inactiveMs >= thresholds.idleAfterMs
        ? 'idle'
        : 'active'
  return { ...report, status }
}

export function readRoom(room: Room): InspectedRoom {
  const [deadlines] = room[INSPECT]()
  const state = room.get()
  const deadline = (kind: string, userId: string) => deadlines.get(kind + userId)
  let connections = 0
  let leaving = 0
  const members: InspectedMember[] = state.members.map((member) => {
    const leaveGraceUntil = deadline(GRACE, member.userId)
    if (leaveGraceUntil !== undefined) leaving++
    connections += member.connections.length
    return {
      userId: member.userId,
      name: nameOf(member),
      status: member.status,
      isSelf: member.isSelf,
      member,
      connections: member.connections.map((c) => ({
        connectionId: c.connectionId,
        data: c.data,
        version: c.version,
        joinedAt: c.joinedAt,
        updatedAt: c.updatedAt,
        lastActiveAt: c.lastActiveAt,
        hidden: c.hidden,
        away: c.away,
      })),
      leaveGraceUntil,
      nextStatusAt: deadline(ACTIVITY, member.userId),
    }
  })
  return {
    name: room.name,
    status: state.status,
    synced: state.synced,
    stale: state.stale,
    open: room.resources().open,
    lastError: state.lastError,
    members,
    recentlyLeft: state.recentlyLeft.map((member) => ({
      userId: member.userId,
      name: nameOf(member),
      leftAt: member.leftAt ?? 0,
      forgetAt: deadline(RETAIN, member.userId),
    })),
    typing: state.typing.map((member) => ({
      userId: member.userId,
      name: nameOf(member),
      expiresAt: deadline(TYPING, member.userId),
    })),
    counts: {
      members: state.members.length,
      connections,
      typing: state.typing.length,
      leaving,
      recentlyLeft: state.recentlyLeft.length,
      deadlines: deadlines.size,
    },
  }
}
