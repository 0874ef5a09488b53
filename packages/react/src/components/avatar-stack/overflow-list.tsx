import type { Member } from '@presence-kit/core'
import type { PresenceSize } from '@presence-kit/core/ui'
import { connectPopover, createPopoverMachine, type StatusMessages } from '@presence-kit/core/ui'
import { useEffect, useId, useReducer, useRef, useState } from 'react'
import { Avatar } from '../shared/avatar.js'
import { part } from '../shared/anatomy.js'
import { domProps } from '../shared/dom-props.js'
import { StatusText } from '../shared/status-text.js'

export interface OverflowListProps {
  readonly hidden: readonly Member[]
  /** The last item: "+N" for the hidden members not listed, or '' when all are. */
  readonly unlistedText: string
  readonly buttonText: string
  readonly buttonLabel: string
  readonly size: PresenceSize
  readonly nameOf: (member: Member) => string
  readonly messages?: Partial<StatusMessages> | undefined
}

/**
 * The "+N" button and the list it opens, bound to the core's popover controller: Escape or a click
 * outside closes the list and gives the focus back to the button.
 */
export function OverflowList({
  hidden,
  unlistedText,
  buttonText,
  buttonLabel,
  size,
  nameOf,
  messages,
}: OverflowListProps) {
  const [, rerender] = useReducer((count: number) => count + 1, 0)
  const [machine] = useState(() => createPopoverMachine(rerender))
  const listId = useId()
  const buttonRef = useRef<HTMLButtonElement>(null)
  const listRef = useRef<HTMLUListElement>(null)
  const api = connectPopover(
    machine,
    { trigger: () => buttonRef.current, content: () => listRef.current },
    listId,
  )
  const { open } = api

  useEffect(() => api.listenOutside(), [open])

  return (
    <>
      <button
        ref={buttonRef}
        {...part('avatar-overflow')}
        {...domProps(api.triggerProps())}
        data-size={size}
        data-long={buttonText.length > 4 ? '' : undefined}
        aria-label={buttonLabel}
      >
        {/* Isolated, so a right-to-left page does not read "+3" as "3+": <bdi> takes its direction
            from the count itself ("+100K" left to right, an Arabic compact count right to left). */}
        <bdi>{buttonText}</bdi>
      </button>
      <ul
        ref={listRef}
        {...part('avatar-overflow-list')}
        {...domProps(api.contentProps())}
        aria-label={buttonLabel}
      >
        {open &&
          hidden.map((member) => (
            <li key={member.userId} data-user-id={member.userId} tabIndex={0}>
              <Avatar member={member} size="sm" decorative />
              <span data-presence-name="">{nameOf(member)}</span>
              <StatusText member={member} messages={messages} />
            </li>
          ))}
        {open && unlistedText !== '' && (
          <li>
            <bdi>{unlistedText}</bdi>
          </li>
        )}
      </ul>
    </>
  )
}
