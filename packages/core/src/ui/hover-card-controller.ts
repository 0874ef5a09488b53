import { MEMBER_ATTRIBUTE } from './avatar-stack-controller.js'

/** When a member's card opens and closes. */
export interface HoverCardOptions {
  /** How long the pointer rests on an avatar or row before its card opens, in ms. @default 500 */
  readonly openDelay?: number | undefined
  /** How long the card stays after the pointer leaves, so it can move onto the card, in ms. @default 250 */
  readonly closeDelay?: number | undefined
}

export const DEFAULT_HOVER_CARD_OPEN_DELAY = 500
export const DEFAULT_HOVER_CARD_CLOSE_DELAY = 250
// Within this long after a card closed, the next one opens at once (the pointer is moving along a
// stack, not arriving): the same grace tooltips give.
const SKIP_DELAY_MS = 300

/** The state of one component's card: whose it is and the element it describes. */
export interface HoverCardMachine {
  readonly userId: string | undefined
  readonly anchor: HTMLElement | undefined
  show(anchor: HTMLElement): void
  close(): void
}

// One card at a time on the page: opening one closes the other. Touched only in browser event
// handlers, so a server render shares nothing between requests.
let openMachine: HoverCardMachine | undefined
let closedAt = -Infinity

export function createHoverCardMachine(notify: () => void, describe: () => string): HoverCardMachine {
  let userId: string | undefined
  let anchor: HTMLElement | undefined
  const link = (element: HTMLElement | undefined, on: boolean) => {
    if (element === undefined) return
    const own = describe()
    const tokens = (element.getAttribute('aria-describedby') ?? '').split(' ').filter((t) => t && t !== own)
    if (on) tokens.push(own)
    if (tokens.length > 0) element.setAttribute('aria-describedby', tokens.join(' '))
    else element.removeAttribute('aria-describedby')
  }
  const machine: HoverCardMachine = {
    get userId() {
      return userId
    },
    get anchor() {
      return anchor
    },
    show(next) {
      if (openMachine !== machine) openMachine?.close()
      openMachine = machine
      if (next === anchor) return
      link(anchor, false)
      anchor = next
      link(next, true)
      userId = next.getAttribute(MEMBER_ATTRIBUTE) ?? undefined
      notify()
    },
    close() {
      if (openMachine === machine) openMachine = undefined
      if (anchor === undefined) return
      link(anchor, false)
      anchor = userId = undefined
      closedAt = Date.now()
      notify()
    },
  }
  return machine
}

/** What the card reads of the page, as getters so the framework's refs can fill them later. */
export interface HoverCardElements {
  /** The element holding the avatars or rows: a stack, a list. */
  readonly root: () => HTMLElement | null | undefined
  readonly content: () => HTMLElement | null | undefined
}

/** A card's behaviour for one render. */
export interface HoverCardApi {
  /** The member whose card is open. */
  readonly userId: string | undefined
  /** On the card: its id (the avatar's or row's description), hidden from the tree it sits in. */
  contentProps(): Record<string, unknown>
  /** Puts the open card beside its avatar or row, inside the viewport. Call after each render. */
  place(): void
  /** Watches the root's avatars and rows; returns the cleanup. Call from an effect (never on a server). */
  listen(): (() => void) | undefined
}

const GAP = 8

/**
 * Connects a card's machine to its elements. The card opens when the pointer rests on an element
 * with `data-user-id` inside the root (after `openDelay`, at once when a card was just open), and
 * at once when one takes focus, or when a focused listbox's active option changes. It stays while
 * the pointer is on the card (WCAG 1.4.13), and closes when both pointer and focus have left,
 * on Escape (which goes no further) or when another card opens. Touch never opens it: a tap
 * selects. Focus stays on the avatar or list throughout; the card is its description
 * (`aria-describedby`), as a tooltip is, so what the card says is read with it.
 */
export function connectHoverCard(
  machine: HoverCardMachine,
  elements: HoverCardElements,
  id: string,
  options: HoverCardOptions = {},
): HoverCardApi {
  const place = () => {
    const content = elements.content()
    const anchor = machine.anchor
    const view = content?.ownerDocument.defaultView
    if (!content || !anchor || !view) return
    const box = anchor.getBoundingClientRect()
    const { offsetWidth: width, offsetHeight: height } = content
    const below = box.bottom + GAP + height <= view.innerHeight || box.top - GAP - height < 0
    const rtl = view.getComputedStyle(anchor).direction === 'rtl'
    const start = rtl ? box.right - width : box.left
    content.style.left = `${Math.max(GAP, Math.min(start, view.innerWidth - width - GAP))}px`
    content.style.top = `${below ? box.bottom + GAP : box.top - GAP - height}px`
    content.setAttribute('data-side', below ? 'bottom' : 'top')
  }
  return {
    userId: machine.userId,
    contentProps: () => ({
      id,
      'data-state': machine.userId === undefined ? 'closed' : 'open',
      // Read as the description of the avatar or row it belongs to; in a listbox, which may hold
      // only options, it is no element of its own.
      'aria-hidden': 'true',
    }),
    place,
    listen() {
      const root = elements.root()
      const document = root?.ownerDocument
      const view = document?.defaultView
      if (!root || !view) return undefined
      const openDelay = options.openDelay ?? DEFAULT_HOVER_CARD_OPEN_DELAY
      const closeDelay = options.closeDelay ?? DEFAULT_HOVER_CARD_CLOSE_DELAY
      let timer: ReturnType<typeof setTimeout> | undefined
      let hovered = false
      let focused = false
      // The avatar whose card Escape closed: resting on it does not open it again.
      let dismissed: Element | undefined
      const later = (run: () => void, ms: number) => {
        clearTimeout(timer)
        timer = setTimeout(run, ms)
      }
      const leave = () => {
        hovered = false
        dismissed = undefined
        if (!focused) later(() => machine.close(), closeDelay)
      }
      const activeOption = () => {
        const active = root.getAttribute('aria-activedescendant')
        return active ? document.getElementById(active) : null
      }
      const observer = new view.MutationObserver(() => {
        const option = activeOption()
        if (focused && option) machine.show(option)
      })

      const onPointerOver = (event: PointerEvent) => {
        if (event.pointerType === 'touch') return
        const target = event.target as Element
        if (elements.content()?.contains(target)) {
          hovered = true
          clearTimeout(timer)
          return
        }
        const trigger = target.closest<HTMLElement>(`[${MEMBER_ATTRIBUTE}]`)
        if (trigger === null || !root.contains(trigger)) return leave()
        hovered = true
        if (trigger === machine.anchor || trigger === dismissed) return clearTimeout(timer)
        dismissed = undefined
        const warm = openMachine !== undefined || Date.now() - closedAt < SKIP_DELAY_MS
        later(() => machine.show(trigger), warm ? 0 : openDelay)
      }
      const onFocusIn = (event: FocusEvent) => {
        const target = event.target as HTMLElement
        const trigger =
          target === root ? activeOption() : target.closest<HTMLElement>(`[${MEMBER_ATTRIBUTE}]`)
        focused = true
        if (target === root) observer.observe(root, { attributeFilter: ['aria-activedescendant'] })
        clearTimeout(timer)
        if (trigger) machine.show(trigger)
      }
      const onFocusOut = () => {
        focused = false
        observer.disconnect()
        if (!hovered) machine.close()
      }
      const onKeyDown = (event: KeyboardEvent) => {
        if (event.key !== 'Escape' || machine.userId === undefined) return
        event.preventDefault()
        event.stopPropagation()
        const anchor = machine.anchor
        dismissed = anchor
        const hadFocus = elements.content()?.contains(document.activeElement)
        machine.close()
        if (hadFocus) anchor?.focus()
      }
      // Escape is captured on the document: it dismisses the card wherever focus is (WCAG 1.4.13),
      // and before the "+N" list under the card sees the key.
      const listeners: [EventTarget, string, (event: never) => void, boolean?][] = [
        [root, 'pointerover', onPointerOver],
        [root, 'pointerleave', leave],
        [root, 'focusin', onFocusIn],
        [root, 'focusout', onFocusOut],
        [document, 'keydown', onKeyDown, true],
        [view, 'scroll', place, true],
        [view, 'resize', place],
      ]
      for (const [target, type, listener, capture] of listeners) {
        target.addEventListener(type, listener as EventListener, capture)
      }
      return () => {
        clearTimeout(timer)
        observer.disconnect()
        for (const [target, type, listener, capture] of listeners) {
          target.removeEventListener(type, listener as EventListener, capture)
        }
        machine.close()
      }
    },
  }
}
