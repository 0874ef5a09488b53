import type { Member } from '@presence-kit/core'
import type { PresenceSize } from '@presence-kit/core/ui'
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import { Avatar } from '../shared/avatar.js'
import { part } from '../shared/anatomy.js'

export interface OverflowListProps {
  readonly hidden: readonly Member[]
  /** The last item: "+N" for the hidden members not listed, or '' when all are. */
  readonly unlistedText: string
  readonly buttonText: string
  readonly buttonLabel: string
  readonly size: PresenceSize
  readonly nameOf: (member: Member) => string
}

/**
 * The "+N" button and the list it opens. Escape on either, or a click outside, closes the list and
 * gives the focus back to the button; the document listener exists only while the list is open.
 * The open list takes the focus (Tab), so a keyboard can scroll a long one.
 */
export function OverflowList({
  hidden,
  unlistedText,
  buttonText,
  buttonLabel,
  size,
  nameOf,
}: OverflowListProps) {
  const [open, setOpen] = useState(false)
  const listId = useId()
  const buttonRef = useRef<HTMLButtonElement>(null)
  const listRef = useRef<HTMLUListElement>(null)

  useEffect(() => {
    if (!open) return
    const document = buttonRef.current?.ownerDocument
    if (document === undefined) return
    // A click, not a press: by then the browser has moved focus, so a click on another control
    // keeps its focus and only a click on nothing focusable brings the focus back to the button.
    const onClick = (event: Event) => {
      const target = event.target as Node
      if (buttonRef.current?.contains(target) || listRef.current?.contains(target)) return
      setOpen(false)
      const focused = document.activeElement
      if (focused === null || focused === document.body) buttonRef.current?.focus()
    }
    document.addEventListener('click', onClick)
    return () => document.removeEventListener('click', onClick)
  }, [open])

  // Only from the button or the list: Escape elsewhere belongs to what has the focus. Handled, it
  // goes no further, so a dialog around the stack stays open.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return
    event.preventDefault()
    event.stopPropagation()
    setOpen(false)
    buttonRef.current?.focus()
  }

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        {...part('avatar-overflow')}
        data-size={size}
        data-long={buttonText.length > 4 ? '' : undefined}
        aria-label={buttonLabel}
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((wasOpen) => !wasOpen)}
        onKeyDown={onKeyDown}
      >
        {buttonText}
      </button>
      <ul
        ref={listRef}
        id={listId}
        {...part('avatar-overflow-list')}
        data-state={open ? 'open' : 'closed'}
        hidden={!open}
        aria-label={buttonLabel}
        tabIndex={0}
        onKeyDown={onKeyDown}
      >
        {open &&
          hidden.map((member) => (
            <li key={member.userId}>
              <Avatar member={member} size="sm" decorative />
              <span>{nameOf(member)}</span>
            </li>
          ))}
        {open && unlistedText !== '' && <li>{unlistedText}</li>}
      </ul>
    </>
  )
}
