import type { Member } from '@presence-kit/core'
import {
  getDisplayName,
  getInitials,
  getUserColor,
  isSafeImageUrl,
  type UserColor,
} from '@presence-kit/core/ui'

/** What the demo's list row shows for a member: the same in React and Vue. */
export interface MemberRowView {
  readonly name: string
  readonly initials: string
  readonly color: UserColor
  /** Only a URL `isSafeImageUrl` accepts; otherwise the initials show. */
  readonly imageUrl: string | undefined
}

export function memberRowView(member: Member): MemberRowView {
  const name = getDisplayName(member)
  const url: unknown = member.info?.avatarUrl ?? member.data['avatarUrl']
  return {
    name,
    initials: getInitials(name),
    color: getUserColor(member.userId),
    imageUrl: isSafeImageUrl(url) ? url : undefined,
  }
}
