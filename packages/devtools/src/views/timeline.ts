import type { PresenceInspector } from '@presence-kit/core/inspect'
import { el } from '../dom.js'
import { batchingRatio, clockTime } from '../format.js'
import { ENTRY_KINDS, matches, TimelineLog, type EntryKind, type TimelineEntry } from '../timeline-log.js'

/** The timeline: filters built once, lines appended as records come, the batching ratio. */
export class TimelineView {
  readonly root: HTMLElement
  readonly #doc: Document
  readonly #log: TimelineLog
  readonly #list: HTMLElement
  readonly #stats: HTMLElement
  readonly #kinds = new Set<EntryKind>(ENTRY_KINDS)
  #text = ''

  constructor(
    doc: Document,
    max: number,
    readonly inspector: PresenceInspector,
    readonly rooms: () => readonly string[],
  ) {
    this.#doc = doc
    this.#log = new TimelineLog(max)
    const filters = el(doc, 'fieldset', { class: 'filters' }, el(doc, 'legend', {}, 'Show'))
    for (const kind of ENTRY_KINDS) {
      const box = el(doc, 'input', {
        type: 'checkbox',
        checked: true,
        'data-filter': kind,
      }) as HTMLInputElement
      box.addEventListener('change', () => {
        if (box.checked) this.#kinds.add(kind)
        else this.#kinds.delete(kind)
        this.rebuild()
      })
      filters.append(el(doc, 'label', {}, box, kind))
    }
    const search = el(doc, 'input', {
      type: 'search',
      'aria-label': 'Filter the timeline by room, user or text',
      placeholder: 'Filter',
    }) as HTMLInputElement
    search.addEventListener('input', () => {
      this.#text = search.value.trim()
      this.rebuild()
    })
    const clear = el(doc, 'button', { type: 'button' }, 'Clear')
    clear.addEventListener('click', () => {
      this.#log.clear()
      this.rebuild()
    })
    this.#stats = el(doc, 'p', { class: 'stats', 'data-view': 'batching' })
    this.#list = el(doc, 'ol', { class: 'timeline', 'aria-label': 'Timeline', 'data-view': 'timeline' })
    this.root = el(
      doc,
      'div',
      {},
      filters,
      el(doc, 'div', { class: 'row' }, search, clear),
      this.#stats,
      this.#list,
    )
    this.updateStats()
  }

  /** Adds lines; only those the filters let through reach the page. */
  add(entries: readonly TimelineEntry[]): void {
    this.#log.add(entries)
    const filter = { kinds: this.#kinds, text: this.#text }
    for (const entry of entries) if (matches(entry, filter)) this.#list.append(this.#line(entry))
    // The page keeps at most as many lines as the log.
    while (this.#list.childElementCount > this.#log.max) this.#list.firstElementChild?.remove()
  }

  rebuild(): void {
    const filter = { kinds: this.#kinds, text: this.#text }
    this.#list.replaceChildren(
      ...this.#log.entries.filter((entry) => matches(entry, filter)).map((entry) => this.#line(entry)),
    )
    this.updateStats()
  }

  updateStats(): void {
    let inputs = 0
    let commits = 0
    for (const room of this.rooms()) {
      const counts = this.inspector.counts(room)
      inputs += counts.inputs
      commits += counts.commits
    }
    this.#stats.dataset['inputs'] = String(inputs)
    this.#stats.dataset['commits'] = String(commits)
    this.#stats.textContent = `${inputs} adapter inputs in, ${commits} commits out: ${batchingRatio(inputs, commits)} inputs per commit`
  }

  #line(entry: TimelineEntry): HTMLElement {
    const doc = this.#doc
    return el(
      doc,
      'li',
      {
        'data-kind': entry.kind,
        'data-source': entry.source,
        'data-room': entry.room,
        'data-user-id': entry.userId,
        'data-seq': entry.seq,
      },
      el(doc, 'time', { class: 'mono' }, clockTime(entry.at)),
      el(
        doc,
        'span',
        { class: entry.kind === 'error' ? 'kind error' : 'kind' },
        `${entry.source === 'adapter' ? '→ ' : '← '}${entry.kind}`,
      ),
      el(doc, 'span', { class: 'muted' }, `# ${entry.room}`),
      el(doc, 'span', { class: 'summary mono' }, entry.summary),
    )
  }
}
