import type { Member, PresenceClient } from '@presence-kit/core'
import {
  connectHoverCard,
  createHoverCardMachine,
  getDisplayName,
  getTypingText,
  type HoverCardOptions,
  type StatusMessages,
} from '@presence-kit/core/ui'
import { useEffect, useId, useLayoutEffect, useReducer, useRef, useState, useSyncExternalStore } from 'react'
import type { ReactNode } from 'react'
// From the main entry, so the card reads the same provider's client.
import { usePresenceClient, useRoomState } from '@presence-kit/react'
import { Avatar } from '../shared/avatar.js'
import { part } from '../shared/anatomy.js'
import { domProps } from '../shared/dom-props.js'
import type { MemberCardHost } from '../shared/member-card-host.js'
import { StatusText } from '../shared/status-text.js'

export interface MemberHoverCardProps extends MemberCardHost, HoverCardOptions {
  /** Status and typing wording. */
  readonly messages?: Partial<StatusMessages> | undefined
  /** Locale of the status duration ("Idle · 12 min"). @default the runtime's */
  readonly locale?: string | undefined
  /** Before the other rooms the member is in. @default 'Also in' */
  readonly roomsLabel?: string | undefined
  /** The app's own content, at the card's end (read with the card: keep it text, no controls). */
  readonly children?: ((member: Member) => ReactNode) | undefined
  readonly className?: string | undefined
}

const emptyRooms = () => ''
const noSubscription = () => () => {}

// Effects that measure the page run after layout in the browser and not at all on a server.
const useBrowserLayoutEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect

/**
 * A member's card, for the avatar or row hovered or focused in the stack or list it is given to
 * (`card={(host) => <MemberHoverCard {...host} />}`): name, status and for how long, typing now,
 * the other rooms of this client the member is in, and the app's own content. The open, close and
 * focus rules are the core's hover-card controller.
 */
export function MemberHoverCard({
  root,
  room,
  members,
  openDelay,
  closeDelay,
  messages,
  locale,
  roomsLabel = 'Also in',
  children,
  className,
}: MemberHoverCardProps) {
  const id = useId()
  const [, rerender] = useReducer((count: number) => count + 1, 0)
  const [machine] = useState(() => createHoverCardMachine(rerender, () => id))
  const content = useRef<HTMLDivElement>(null)
  const api = connectHoverCard(machine, { root: () => root.current, content: () => content.current }, id, {
    openDelay,
    closeDelay,
  })
  const { userId } = api
  useEffect(() => api.listen(), [root, openDelay, closeDelay])
  useBrowserLayoutEffect(() => {
    if (userId !== undefined) api.place()
  })

  let client: PresenceClient | null = null
  try {
    client = usePresenceClient()
  } catch {
    // A stack given its members may stand outside any provider: the card then shows no rooms.
  }
  const handle = room === undefined || client === null || client.destroyed ? undefined : client.room(room)
  const [member, typing] = useRoomState(
    handle,
    (state): readonly [Member | undefined, boolean] => {
      if (userId === undefined) return [undefined, false]
      const found =
        members?.find((candidate) => candidate.userId === userId) ??
        handle?.get(userId) ??
        state.recentlyLeft.find((candidate) => candidate.userId === userId)
      return [found, state.typing.some((typer) => typer.userId === userId)]
    },
    (a, b) => a[0] === b[0] && a[1] === b[1],
  )
  // Names joined in one string, so an unchanged list is an unchanged snapshot.
  const otherRooms = useSyncExternalStore(
    client === null || userId === undefined ? noSubscription : client.subscribe,
    client === null || userId === undefined
      ? emptyRooms
      : () =>
          client
            .getUserRooms(userId)
            .filter((name) => name !== room)
            .join('\n'),
    emptyRooms,
  )

  if (member === undefined) return null
  const rooms = otherRooms === '' ? [] : otherRooms.split('\n')
  return (
    <div
      ref={content}
      {...part('hover-card')}
      {...domProps(api.contentProps())}
      data-status={member.status}
      className={className}
    >
      <div {...part('hover-card-header')}>
        <Avatar member={member} size="lg" decorative />
        <div>
          <div {...part('hover-card-name')}>{getDisplayName(member)}</div>
          <div {...part('hover-card-status')}>
            <span {...part('activity-dot')} data-status={member.status} data-size="sm" />
            <StatusText member={member} messages={messages} locale={locale} />
          </div>
        </div>
      </div>
      {typing && (
        <div {...part('hover-card-typing')}>
          <span {...part('typing-dots')}>
            <span />
            <span />
            <span />
          </span>
          {getTypingText(messages)}
        </div>
      )}
      {rooms.length > 0 && (
        <div {...part('hover-card-rooms')}>
          {`${roomsLabel} `}
          {rooms.map((name) => (
            <span key={name} {...part('hover-card-room')}>
              {name}
            </span>
          ))}
        </div>
      )}
      {children?.(member)}
    </div>
  )
}
