import type { InspectedRoom, PresenceInspector } from '@presence-kit/core/inspect'
import { el, type Child } from '../dom.js'
import { batchingRatio } from '../format.js'

function term(doc: Document, name: string, value: Child): HTMLElement {
  return el(doc, 'div', {}, el(doc, 'dt', {}, name), el(doc, 'dd', {}, value))
}

/** Every room of the client: link status, `synced`, `stale`, counts and the batching ratio. */
export function roomsView(
  doc: Document,
  rooms: readonly InspectedRoom[],
  inspector: PresenceInspector,
): HTMLElement {
  if (rooms.length === 0) return el(doc, 'p', { class: 'muted' }, 'The client has no room yet.')
  return el(
    doc,
    'ul',
    { class: 'cards', 'aria-label': 'Rooms', 'data-view': 'rooms' },
    ...rooms.map((room) => {
      const { inputs, commits } = inspector.counts(room.name)
      return el(
        doc,
        'li',
        {
          'data-room': room.name,
          'data-status': room.status,
          'data-synced': String(room.synced),
          'data-stale': String(room.stale),
          'data-members': room.counts.members,
        },
        el(doc, 'h3', {}, `# ${room.name}`),
        el(
          doc,
          'dl',
          {},
          term(doc, 'Status', room.status),
          term(doc, 'Synced', room.synced ? 'yes' : 'no'),
          term(doc, 'Stale', room.stale ? 'yes' : 'no'),
          term(doc, 'Link', room.open ? 'open' : 'closed'),
          term(doc, 'Members', room.counts.members),
          term(doc, 'Connections', room.counts.connections),
          term(doc, 'Typing', room.counts.typing),
          term(doc, 'Leave grace', room.counts.leaving),
          term(doc, 'Recently left', room.counts.recentlyLeft),
          term(doc, 'Deadlines', room.counts.deadlines),
          term(doc, 'Inputs', inputs),
          term(doc, 'Commits', commits),
          term(doc, 'Inputs per commit', batchingRatio(inputs, commits)),
        ),
        room.lastError === undefined
          ? undefined
          : el(doc, 'p', { class: 'error' }, `Last error: ${room.lastError.code}: ${room.lastError.message}`),
      )
    }),
  )
}
