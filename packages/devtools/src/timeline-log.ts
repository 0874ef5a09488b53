import type { AdapterInputKind, InspectRecord } from '@presence-kit/core/inspect'
import { field, preview } from './format.js'

/** What a timeline line is: an adapter input, a commit of the store, or an error of either. */
export type EntryKind = Exclude<AdapterInputKind, 'error'> | 'commit' | 'error'

export const ENTRY_KINDS: readonly EntryKind[] = [
  'snapshot',
  'join',
  'update',
  'leave',
  'typing',
  'status',
  'commit',
  'error',
]

export interface TimelineEntry {
  readonly seq: number
  readonly at: number
  readonly room: string
  readonly kind: EntryKind
  /** `adapter`: what the adapter handed the store; `store`: what the store committed or reported. */
  readonly source: 'adapter' | 'store'
  readonly userId: string | undefined
  readonly summary: string
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)

function inputSummary(kind: AdapterInputKind, input: unknown, detail: unknown): string {
  switch (kind) {
    case 'snapshot':
      return Array.isArray(input)
        ? `${input.length} connection${input.length === 1 ? '' : 's'}`
        : preview(input)
    case 'join':
    case 'update':
    case 'leave': {
      const version = field(input, 'version')
      const head = `${preview(field(input, 'userId'), 60)} · ${preview(field(input, 'connectionId'), 60)}`
      const data = kind === 'leave' ? undefined : field(input, 'data')
      return `${head}${version === undefined ? '' : ` v${preview(version, 20)}`}${data === undefined ? '' : ` ${preview(data, 120)}`}`
    }
    case 'typing':
      return `${preview(field(input, 'userId'), 60)} ${field(input, 'typing') === true ? 'started' : 'stopped'} typing`
    case 'status': {
      const connectionId = text(field(detail, 'connectionId'))
      return `${preview(input, 40)}${connectionId === undefined ? '' : ` as ${connectionId}`}`
    }
    case 'error':
      return text(field(input, 'message')) ?? preview(input)
  }
}

/**
 * Turns one inspector record into timeline lines, at once, so the log keeps strings and not the
 * store's objects. A commit with errors adds one error line for each.
 */
export function entriesOf(record: InspectRecord): TimelineEntry[] {
  const { seq, at, room } = record
  if (record.type === 'input') {
    const kind: EntryKind = record.kind
    return [
      {
        seq,
        at,
        room,
        kind,
        source: 'adapter',
        userId: text(field(record.input, 'userId')),
        summary: inputSummary(record.kind, record.input, record.detail),
      },
    ]
  }
  const named: string[] = []
  const errors: TimelineEntry[] = []
  for (const event of record.events) {
    if (event.type === 'join' || event.type === 'update' || event.type === 'leave')
      named.push(`${event.type} ${event.member.userId}`)
    else if (event.type === 'error')
      errors.push({
        seq,
        at,
        room,
        kind: 'error',
        source: 'store',
        userId: undefined,
        summary: `${event.error.code}: ${event.error.message}`,
      })
    else named.push(event.type)
  }
  const shown = named.length > 4 ? [...named.slice(0, 4), `${named.length - 4} more`] : named
  const commit: TimelineEntry = {
    seq,
    at,
    room,
    kind: 'commit',
    source: 'store',
    userId: undefined,
    summary: `${record.events.length} event${record.events.length === 1 ? '' : 's'} from ${record.inputs} input${record.inputs === 1 ? '' : 's'}${shown.length > 0 ? `: ${shown.join(', ')}` : ''}`,
  }
  return [commit, ...errors]
}

export interface TimelineFilter {
  readonly kinds: ReadonlySet<EntryKind>
  /** Matched, case-insensitive, against the room, the user id and the summary. */
  readonly text: string
}

export function matches(entry: TimelineEntry, filter: TimelineFilter): boolean {
  if (!filter.kinds.has(entry.kind)) return false
  if (filter.text === '') return true
  const needle = filter.text.toLowerCase()
  return (
    entry.room.toLowerCase().includes(needle) ||
    (entry.userId?.toLowerCase().includes(needle) ?? false) ||
    entry.summary.toLowerCase().includes(needle)
  )
}

/** The last `max` entries, oldest first. */
export class TimelineLog {
  readonly #entries: TimelineEntry[] = []
  constructor(readonly max: number) {}

  add(entries: readonly TimelineEntry[]): void {
    this.#entries.push(...entries)
    if (this.#entries.length > this.max) this.#entries.splice(0, this.#entries.length - this.max)
  }

  clear(): void {
    this.#entries.length = 0
  }

  get entries(): readonly TimelineEntry[] {
    return this.#entries
  }
}
