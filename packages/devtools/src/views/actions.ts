import type { LocalActivity } from '@presence-kit/core'
import type { AdapterInputKind, PresenceInspector } from '@presence-kit/core/inspect'
import { startCrowd, type DevtoolsCrowd } from '../crowd.js'
import { el } from '../dom.js'
import type { LinkControl } from '../link-control.js'

/** Input a backend should never send: each must come out as an `error` event, the page unharmed. */
export const MALFORMED_INPUTS: readonly {
  readonly id: string
  readonly label: string
  readonly kind: AdapterInputKind
  readonly input: unknown
}[] = [
  {
    id: 'join-without-ids',
    label: 'A join without ids',
    kind: 'join',
    input: { connectionId: 42, userId: '' },
  },
  { id: 'snapshot-not-list', label: 'A snapshot that is not a list', kind: 'snapshot', input: 'not a list' },
  {
    id: 'update-bad-data',
    label: 'An update whose data is not an object',
    kind: 'update',
    input: { connectionId: 'devtools-bad', userId: 'devtools-bad', data: 'not an object' },
  },
]

const CROWD_SIZES = [10, 100, 1_000] as const

type SelfState = 'active' | 'idle' | 'away'

export interface ActionsDeps {
  readonly inspector: PresenceInspector
  readonly activity: LocalActivity
  readonly link: LinkControl | undefined
  readonly room: () => string | undefined
  /** Says what an action did, in the panel's live region. */
  readonly announce: (message: string) => void
}

/** Buttons to test an app by hand. Built once; `refresh` keeps their state in step. */
export class ActionsView {
  readonly root: HTMLElement
  #crowd: DevtoolsCrowd | undefined
  readonly #deps: ActionsDeps
  readonly #selfButtons = new Map<SelfState, HTMLElement>()
  readonly #startCrowd: HTMLButtonElement
  readonly #stopCrowd: HTMLButtonElement
  readonly #crowdState: HTMLElement

  constructor(doc: Document, deps: ActionsDeps) {
    this.#deps = deps
    const button = (label: string, attributes: Record<string, string | boolean> = {}) =>
      el(doc, 'button', { type: 'button', ...attributes }, label) as HTMLButtonElement

    const drop = button('Drop the link', { 'data-action': 'drop-link', disabled: deps.link === undefined })
    const restore = button('Restore the link', {
      'data-action': 'restore-link',
      disabled: deps.link === undefined,
    })
    drop.addEventListener('click', () => {
      deps.link?.drop()
      deps.announce('Link dropped.')
    })
    restore.addEventListener('click', () => {
      deps.link?.restore()
      deps.announce('Link restored.')
    })

    const selfRow = el(doc, 'div', { class: 'row', role: 'group', 'aria-label': 'Set your activity' })
    for (const state of ['active', 'idle', 'away'] as const) {
      const b = button(state[0]!.toUpperCase() + state.slice(1), { 'data-action': `self-${state}` })
      b.setAttribute('aria-pressed', 'false')
      b.addEventListener('click', () => {
        this.#setSelf(state)
        deps.announce(`You are set ${state}.`)
      })
      this.#selfButtons.set(state, b)
      selfRow.append(b)
    }

    const size = el(
      doc,
      'select',
      { 'aria-label': 'Crowd size' },
      ...CROWD_SIZES.map((n) => el(doc, 'option', { value: n }, `${n} members`)),
    ) as HTMLSelectElement
    this.#startCrowd = button('Start a crowd', { 'data-action': 'start-crowd' })
    this.#stopCrowd = button('Stop the crowd', { 'data-action': 'stop-crowd', disabled: true })
    this.#crowdState = el(doc, 'p', { class: 'muted' }, 'No crowd.')
    this.#startCrowd.addEventListener('click', () => {
      const room = deps.room()
      if (room === undefined) return deps.announce('Choose a room first.')
      this.#crowd?.stop()
      this.#crowd = startCrowd(deps.inspector, room, Number(size.value))
      deps.announce(`A crowd of ${size.value} started in # ${room}.`)
      this.refresh()
    })
    this.#stopCrowd.addEventListener('click', () => {
      this.stopCrowd()
      deps.announce('Crowd stopped.')
    })

    const malformed = el(
      doc,
      'select',
      { 'aria-label': 'Malformed input' },
      ...MALFORMED_INPUTS.map((m) => el(doc, 'option', { value: m.id }, m.label)),
    ) as HTMLSelectElement
    const inject = button('Inject', { 'data-action': 'inject-malformed' })
    inject.addEventListener('click', () => {
      const room = deps.room()
      const choice = MALFORMED_INPUTS.find((m) => m.id === malformed.value)
      if (room === undefined || choice === undefined) return deps.announce('Choose a room first.')
      const delivered = deps.inspector.inject(room, choice.kind, choice.input)
      deps.announce(
        delivered
          ? `${choice.label} injected into # ${room}.`
          : `# ${room} has no open link: nothing injected.`,
      )
    })

    this.root = el(
      doc,
      'div',
      { class: 'actions' },
      el(
        doc,
        'section',
        { 'aria-label': 'Link' },
        el(doc, 'h3', {}, 'Link'),
        el(doc, 'div', { class: 'row' }, drop, restore),
        deps.link === undefined &&
          el(doc, 'p', { class: 'muted' }, 'This adapter exposes no link control: pass the link option.'),
      ),
      el(doc, 'section', { 'aria-label': 'Your activity' }, el(doc, 'h3', {}, 'Your activity'), selfRow),
      el(
        doc,
        'section',
        { 'aria-label': 'Simulated crowd' },
        el(doc, 'h3', {}, 'Simulated crowd'),
        el(doc, 'div', { class: 'row' }, size, this.#startCrowd, this.#stopCrowd),
        this.#crowdState,
      ),
      el(
        doc,
        'section',
        { 'aria-label': 'Malformed input' },
        el(doc, 'h3', {}, 'Malformed input'),
        el(doc, 'div', { class: 'row' }, malformed, inject),
      ),
    )
    this.refresh()
  }

  #setSelf(state: SelfState): void {
    const { activity } = this.#deps
    activity.setAway(state === 'away')
    activity.setHidden(state === 'idle')
    if (state === 'active') activity.input()
    this.refresh()
  }

  refresh(): void {
    const { activity } = this.#deps
    const current: SelfState = activity.away ? 'away' : activity.hidden ? 'idle' : 'active'
    for (const [state, b] of this.#selfButtons) b.setAttribute('aria-pressed', String(state === current))
    const crowd = this.#crowd
    this.#stopCrowd.disabled = crowd === undefined
    this.#crowdState.textContent =
      crowd === undefined ? 'No crowd.' : `${crowd.members} simulated members in # ${crowd.room}.`
  }

  stopCrowd(): void {
    this.#crowd?.stop()
    this.#crowd = undefined
    this.refresh()
  }
}
