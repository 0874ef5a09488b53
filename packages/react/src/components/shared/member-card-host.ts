import type { Member } from '@presence-kit/core'
import type { ReactNode, RefObject } from 'react'

/**
 * What `AvatarStack` and `OnlineList` give their `card`: the element whose avatars or rows it
 * describes, and where their members come from. `MemberHoverCard`
 * (`@presence-kit/react/hover-card`) takes it as its props.
 */
export interface MemberCardHost {
  /** The stack or the list: the card watches the avatars and rows inside it. */
  readonly root: RefObject<HTMLElement | null>
  /** The room shown, if the component shows a room. */
  readonly room: string | undefined
  /** The members shown, if the component was given them instead of a room. */
  readonly members?: readonly Member[] | undefined
}

/** Renders a card for the avatars or rows of a component, e.g. `(host) => <MemberHoverCard {...host} />`. */
export type RenderMemberCard = (host: MemberCardHost) => ReactNode
