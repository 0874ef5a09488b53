import type { KeyInput } from './online-list-controller.js'

/** The elements a popover reads, given as getters so the framework's refs can fill them later. */
export interface PopoverElements {
  readonly trigger: () => HTMLElement | null | undefined
  readonly content: () => HTMLElement | null | undefined
}

/** The open state of one popover (the "+N" list). `notify` runs when it changes. */
export interface PopoverMachine {
  readonly open: boolean
  setOpen(open: boolean): void
}

export function createPopoverMachine(notify: () => void): PopoverMachine {
  let open = false
  return {
    get open() {
      return open
    },
    setOpen(next) {
      if (next === open) return
      open = next
      notify()
    },
  }
}

/** The popover's behaviour for one render, as attributes and handlers with DOM names. */
export interface PopoverApi {
  readonly open: boolean
  triggerProps(): Record<string, unknown>
  contentProps(): Record<string, unknown>
  /**
   * While open, closes on a click outside trigger and content; returns the cleanup. Call it from
   * an effect that runs when `open` changes (never on a server).
   */
  listenOutside(): (() => void) | undefined
}

/**
 * Connects a popover's machine to its elements. Escape on the trigger or the content closes it and
 * gives the focus back to the trigger; handled, it goes no further, so a dialog around it stays
 * open. A click outside closes it; only a click on nothing focusable brings the focus back.
 */
export function connectPopover(machine: PopoverMachine, elements: PopoverElements, id: string): PopoverApi {
  const { open } = machine
  const onKeydown = (event: KeyInput) => {
    if (event.key !== 'Escape' || !machine.open) return
    event.preventDefault()
    event.stopPropagation()
    machine.setOpen(false)
    elements.trigger()?.focus()
  }
  return {
    open,
    triggerProps: () => ({
      type: 'button',
      'aria-expanded': String(open),
      'aria-controls': id,
      onClick: () => machine.setOpen(!machine.open),
      onKeydown,
    }),
    contentProps: () => ({
      id,
      'data-state': open ? 'open' : 'closed',
      hidden: !open,
      // The open list takes the focus (Tab), so a keyboard can scroll a long one.
      tabindex: 0,
      onKeydown,
    }),
    listenOutside() {
      const document = elements.trigger()?.ownerDocument
      if (!open || document == null) return undefined
      // A click, not a press: by then the browser has moved focus, so a click on another control
      // keeps its focus.
      const onClick = (event: Event) => {
        const target = event.target as Node
        if (elements.trigger()?.contains(target) || elements.content()?.contains(target)) return
        machine.setOpen(false)
        const focused = document.activeElement
        if (focused === null || focused === document.body) elements.trigger()?.focus()
      }
      document.addEventListener('click', onClick)
      return () => document.removeEventListener('click', onClick)
    },
  }
}
