import type { RegisteredMember } from '@presence-kit/core'
import type { Ref } from 'vue'

/**
 * What `AvatarStack` and `OnlineList` give their `#card` slot: the element whose avatars or rows
 * it describes, and where their members come from. `MemberHoverCard`
 * (`@presence-kit/vue/hover-card`) takes it as its props (`v-bind="host"`).
 */
export interface MemberCardHost {
  /** The stack or the list: the card watches the avatars and rows inside it. */
  readonly root: Readonly<Ref<HTMLElement | null | undefined>>
  /** The room shown, if the component shows a room. */
  readonly room: string | undefined
  /** The members shown, if the component was given them instead of a room. */
  readonly members?: readonly RegisteredMember[] | undefined
}
