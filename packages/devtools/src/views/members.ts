import type { InspectedMember, InspectedRoom } from '@presence-kit/core/inspect'
import { el } from '../dom.js'
import { clockTime, fromNow, preview } from '../format.js'

/** Past this many members the view lists the first ones and says how many more: a crowd stays usable. */
const MAX_SHOWN = 200

function memberItem(doc: Document, member: InspectedMember, now: number): HTMLElement {
  return el(
    doc,
    'li',
    {
      'data-user-id': member.userId,
      'data-status': member.status,
      'data-self': member.isSelf ? 'true' : undefined,
      'data-connections': member.connections.length,
    },
    el(
      doc,
      'div',
      { class: 'head' },
      el(doc, 'strong', {}, member.name ?? member.userId),
      el(doc, 'code', {}, member.userId),
      el(doc, 'span', { class: 'badge' }, member.status),
      member.isSelf && el(doc, 'span', { class: 'badge' }, 'self'),
      member.leaveGraceUntil !== undefined &&
        el(
          doc,
          'span',
          { class: 'badge', 'data-grace': '' },
          `leaves ${fromNow(member.leaveGraceUntil, now)} (grace)`,
        ),
      member.nextStatusAt !== undefined &&
        el(doc, 'span', { class: 'muted' }, `status recomputed ${fromNow(member.nextStatusAt, now)}`),
    ),
    el(
      doc,
      'ul',
      { class: 'connections', 'aria-label': `Connections of ${member.userId}` },
      ...member.connections.map((c) =>
        el(
          doc,
          'li',
          { 'data-connection-id': c.connectionId },
          el(
            doc,
            'div',
            { class: 'head' },
            el(doc, 'code', {}, c.connectionId),
            el(doc, 'span', {}, `version ${c.version}`),
            el(doc, 'span', { class: 'muted' }, `joined ${clockTime(c.joinedAt)}`),
            el(doc, 'span', { class: 'muted' }, `changed ${clockTime(c.updatedAt)}`),
            c.away && el(doc, 'span', { class: 'badge' }, 'away'),
            c.hidden && el(doc, 'span', { class: 'badge' }, 'hidden'),
          ),
          el(doc, 'pre', {}, preview(c.data, 600)),
        ),
      ),
    ),
  )
}

/** The chosen room's members as `room.get()` holds them, with connections, then the recently left. */
export function membersView(doc: Document, room: InspectedRoom | undefined, now: number): HTMLElement {
  if (room === undefined) return el(doc, 'p', { class: 'muted' }, 'Choose a room.')
  const shown = room.members.slice(0, MAX_SHOWN)
  return el(
    doc,
    'div',
    {},
    el(doc, 'h3', {}, `Members of # ${room.name} (${room.members.length})`),
    room.members.length === 0
      ? el(doc, 'p', { class: 'muted' }, 'Nobody.')
      : el(
          doc,
          'ul',
          { class: 'members', 'aria-label': `Members of ${room.name}`, 'data-view': 'members' },
          ...shown.map((member) => memberItem(doc, member, now)),
        ),
    room.members.length > MAX_SHOWN &&
      el(doc, 'p', { class: 'muted' }, `and ${room.members.length - MAX_SHOWN} more`),
    el(doc, 'h3', {}, `Recently left (${room.recentlyLeft.length})`),
    room.recentlyLeft.length === 0
      ? el(doc, 'p', { class: 'muted' }, 'Nobody.')
      : el(
          doc,
          'ul',
          { class: 'members', 'aria-label': `Recently left ${room.name}`, 'data-view': 'recently-left' },
          ...room.recentlyLeft
            .slice(0, MAX_SHOWN)
            .map((left) =>
              el(
                doc,
                'li',
                { 'data-user-id': left.userId },
                el(
                  doc,
                  'div',
                  { class: 'head' },
                  el(doc, 'strong', {}, left.name ?? left.userId),
                  el(doc, 'code', {}, left.userId),
                  el(doc, 'span', { class: 'muted' }, `left ${clockTime(left.leftAt)}`),
                  left.forgetAt !== undefined &&
                    el(doc, 'span', { class: 'muted' }, `forgotten ${fromNow(left.forgetAt, now)}`),
                ),
              ),
            ),
        ),
  )
}
