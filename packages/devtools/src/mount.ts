import { PresenceError, type PresenceClient } from '@presence-kit/core'
import { inspectPresenceClient, type ClientInternals } from '@presence-kit/core/inspect'
import { el } from './dom.js'
import { linkControlOf, type LinkControl } from './link-control.js'
import { PANEL_CSS } from './styles.js'
import { entriesOf, type TimelineEntry } from './timeline-log.js'
import { ActionsView } from './views/actions.js'
import { membersView } from './views/members.js'
import { roomsView } from './views/rooms.js'
import { TimelineView } from './views/timeline.js'
import { typingView } from './views/typing.js'

export type DevtoolsView = 'rooms' | 'members' | 'typing' | 'timeline' | 'actions'
export type DevtoolsTheme = 'auto' | 'light' | 'dark'

export interface PresenceDevtoolsOptions {
  /**
   * Where the panel goes, in the page's flow. Without it the panel floats over the page's bottom
   * right corner (the whole width on a narrow screen).
   */
  readonly target?: HTMLElement
  /** `auto` follows `prefers-color-scheme`. @default 'auto' */
  readonly theme?: DevtoolsTheme
  /** The room chosen first. @default the client's first room */
  readonly room?: string
  /** The view shown first. @default 'rooms' */
  readonly view?: DevtoolsView
  /**
   * How to drop and restore the link to the backend, for adapters that do not expose one (the
   * socket-io adapter's socket is found by itself).
   */
  readonly link?: LinkControl
  /** Timeline lines kept. @default 1000 */
  readonly maxRecords?: number
  /** Called after the panel's close button (or Escape, when floating) unmounted it. */
  readonly onClose?: () => void
}

export interface PresenceDevtoolsHandle {
  /** The element that holds the panel's shadow root. */
  readonly element: HTMLElement
  /** Removes the panel, stops its crowd and unsubscribes: the client is back to its uninspected path. */
  unmount(): void
}

const VIEWS: readonly { readonly id: DevtoolsView; readonly label: string }[] = [
  { id: 'rooms', label: 'Rooms' },
  { id: 'members', label: 'Members' },
  { id: 'typing', label: 'Typing & activity' },
  { id: 'timeline', label: 'Timeline' },
  { id: 'actions', label: 'Actions' },
]

/** How often the panel redraws at most while records arrive, and ticks its countdowns. */
const REDRAW_MS = 150
const TICK_MS = 1_000

/**
 * Mounts the presence devtools for `client`: rooms, members with their connections, deadlines,
 * typing, local activity, a timeline of the adapter's input and the store's commits, and actions
 * to test an app by hand. Its styles live in a shadow root. Browser only: on a server it throws.
 */
export function mountPresenceDevtools(
  client: PresenceClient,
  options: PresenceDevtoolsOptions = {},
): PresenceDevtoolsHandle {
  if (typeof document === 'undefined') {
    throw new PresenceError(
      'invalid-state',
      'mountPresenceDevtools() needs a DOM: call it in the browser (in an effect or onMounted), not while rendering on a server.',
    )
  }
  const doc = options.target?.ownerDocument ?? document
  const inspector = inspectPresenceClient(client)
  const overlay = options.target === undefined
  const host = el(doc, 'div', {
    'data-presence-devtools': '',
    'data-placement': overlay ? 'overlay' : 'inline',
    'data-theme': options.theme ?? 'auto',
  })
  const shadow = host.attachShadow({ mode: 'open' })
  const style = el(doc, 'style')
  style.textContent = PANEL_CSS

  let chosenRoom = options.room
  const roomNames = () => client.rooms().map((room) => room.name)
  const currentRoom = () => {
    const names = roomNames()
    if (chosenRoom !== undefined && names.includes(chosenRoom)) return chosenRoom
    return names[0]
  }

  const live = el(doc, 'p', { class: 'visually-hidden', role: 'status', 'data-view': 'announcement' })
  const announce = (message: string) => {
    live.textContent = message
  }

  const roomSelect = el(doc, 'select', { 'aria-label': 'Room', 'data-control': 'room' }) as HTMLSelectElement
  roomSelect.addEventListener('change', () => {
    chosenRoom = roomSelect.value
    redraw()
  })

  const timeline = new TimelineView(doc, options.maxRecords ?? 1_000, inspector, roomNames)
  const actions = new ActionsView(doc, {
    inspector,
    activity: client.activity,
    link: options.link ?? linkControlOf(inspector.adapter),
    room: currentRoom,
    announce,
  })

  // Tabs: one view shown at a time; arrows, Home and End move between tabs (roving tabindex).
  const tabs = new Map<DevtoolsView, HTMLButtonElement>()
  const panels = new Map<DevtoolsView, HTMLElement>()
  let view: DevtoolsView = options.view ?? 'rooms'
  const tablist = el(doc, 'div', { role: 'tablist', 'aria-label': 'Devtools views' })
  for (const { id, label } of VIEWS) {
    const tab = el(
      doc,
      'button',
      { type: 'button', role: 'tab', id: `tab-${id}`, 'aria-controls': `view-${id}`, 'data-tab': id },
      label,
    ) as HTMLButtonElement
    tab.addEventListener('click', () => show(id))
    tab.addEventListener('keydown', (event) => {
      const order = VIEWS.map((v) => v.id)
      const index = order.indexOf(id)
      const next =
        event.key === 'ArrowRight'
          ? order[(index + 1) % order.length]
          : event.key === 'ArrowLeft'
            ? order[(index - 1 + order.length) % order.length]
            : event.key === 'Home'
              ? order[0]
              : event.key === 'End'
                ? order[order.length - 1]
                : undefined
      if (next === undefined) return
      event.preventDefault()
      show(next)
      tabs.get(next)?.focus()
    })
    tabs.set(id, tab)
    tablist.append(tab)
    panels.set(
      id,
      el(doc, 'div', {
        role: 'tabpanel',
        id: `view-${id}`,
        'aria-labelledby': `tab-${id}`,
        tabindex: 0,
        'data-panel': id,
      }),
    )
  }
  panels.get('timeline')!.append(timeline.root)
  panels.get('actions')!.append(actions.root)

  const closeButton =
    overlay || options.onClose !== undefined
      ? (el(
          doc,
          'button',
          { type: 'button', 'aria-label': 'Close devtools', 'data-action': 'close' },
          '×',
        ) as HTMLButtonElement)
      : undefined
  closeButton?.addEventListener('click', () => close())

  const panel = el(
    doc,
    'section',
    { class: 'panel', 'aria-label': 'Presence devtools' },
    el(
      doc,
      'div',
      { class: 'bar' },
      el(doc, 'h2', {}, 'Presence devtools'),
      el(doc, 'label', {}, 'Room', roomSelect),
      closeButton,
    ),
    tablist,
    ...panels.values(),
    live,
  )
  shadow.append(style, panel)
  if (overlay) {
    panel.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') close()
    })
  }

  function show(next: DevtoolsView): void {
    view = next
    for (const [id, tab] of tabs) {
      const selected = id === next
      tab.setAttribute('aria-selected', String(selected))
      tab.tabIndex = selected ? 0 : -1
      panels.get(id)!.hidden = !selected
    }
    redraw()
  }

  function syncRoomSelect(names: readonly string[]): void {
    const current = currentRoom()
    const existing = Array.from(roomSelect.options, (option) => option.value)
    if (existing.join('\u0000') !== names.join('\u0000')) {
      roomSelect.replaceChildren(...names.map((name) => el(doc, 'option', { value: name }, `# ${name}`)))
    }
    if (current !== undefined) roomSelect.value = current
    roomSelect.disabled = names.length === 0
  }

  let pending: TimelineEntry[] = []
  function redraw(): void {
    cancelRedraw()
    const internals: ClientInternals = inspector.read()
    syncRoomSelect(internals.rooms.map((room) => room.name))
    const room = internals.rooms.find((r) => r.name === currentRoom())
    if (pending.length > 0) {
      timeline.add(pending)
      pending = []
    }
    timeline.updateStats()
    actions.refresh()
    const target = panels.get(view)!
    if (view === 'rooms') target.replaceChildren(roomsView(doc, internals.rooms, inspector))
    else if (view === 'members') target.replaceChildren(membersView(doc, room, internals.now))
    else if (view === 'typing')
      target.replaceChildren(typingView(doc, room, internals.activity, internals.now))
  }

  let redrawTimer: ReturnType<typeof setTimeout> | undefined
  function cancelRedraw(): void {
    if (redrawTimer !== undefined) clearTimeout(redrawTimer)
    redrawTimer = undefined
  }
  function scheduleRedraw(): void {
    redrawTimer ??= setTimeout(redraw, REDRAW_MS)
  }

  const unsubscribe = inspector.subscribe((record) => {
    pending.push(...entriesOf(record))
    scheduleRedraw()
  })
  const unsubscribeActivity = client.activity.subscribe(scheduleRedraw)
  const ticker = setInterval(scheduleRedraw, TICK_MS)

  ;(options.target ?? doc.body).append(host)
  show(view)

  let mounted = true
  function unmount(): void {
    if (!mounted) return
    mounted = false
    unsubscribe()
    unsubscribeActivity()
    clearInterval(ticker)
    cancelRedraw()
    actions.stopCrowd()
    host.remove()
  }
  function close(): void {
    unmount()
    options.onClose?.()
  }
  return { element: host, unmount }
}
