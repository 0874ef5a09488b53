import type { InspectedActivity, InspectedRoom } from '@presence-kit/core/inspect'
import { el } from '../dom.js'
import { fromNow } from '../format.js'

/** Who is typing in the chosen room and when each signal expires; the local user's activity. */
export function typingView(
  doc: Document,
  room: InspectedRoom | undefined,
  activity: InspectedActivity,
  now: number,
): HTMLElement {
  return el(
    doc,
    'div',
    {},
    el(doc, 'h3', {}, room === undefined ? 'Typing' : `Typing in # ${room.name}`),
    room === undefined || room.typing.length === 0
      ? el(doc, 'p', { class: 'muted' }, 'Nobody is typing.')
      : el(
          doc,
          'ul',
          { class: 'cards', 'aria-label': 'Typing', 'data-view': 'typing' },
          ...room.typing.map((typer) =>
            el(
              doc,
              'li',
              { 'data-user-id': typer.userId },
              el(doc, 'strong', {}, typer.name ?? typer.userId),
              ' ',
              el(doc, 'code', {}, typer.userId),
              ' ',
              el(
                doc,
                'span',
                { class: 'muted' },
                typer.expiresAt === undefined ? '' : `expires ${fromNow(typer.expiresAt, now)}`,
              ),
            ),
          ),
        ),
    el(doc, 'h3', {}, 'Your activity'),
    el(
      doc,
      'dl',
      { 'data-view': 'activity', 'data-status': activity.status },
      el(doc, 'div', {}, el(doc, 'dt', {}, 'Status'), el(doc, 'dd', {}, activity.status)),
      el(
        doc,
        'div',
        {},
        el(doc, 'dt', {}, 'Inactive for'),
        el(doc, 'dd', {}, `${(activity.inactiveMs / 1000).toFixed(1)} s`),
      ),
      el(doc, 'div', {}, el(doc, 'dt', {}, 'Tab hidden'), el(doc, 'dd', {}, activity.hidden ? 'yes' : 'no')),
      el(doc, 'div', {}, el(doc, 'dt', {}, 'Set away'), el(doc, 'dd', {}, activity.away ? 'yes' : 'no')),
    ),
  )
}
