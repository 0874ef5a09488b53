import type { Member } from '@presence-kit/core'
import {
  getDisplayName,
  getInitials,
  getUserColor,
  isSafeImageUrl,
  type PresenceSize,
} from '@presence-kit/core/ui'
import { memo, useState } from 'react'
import { part } from './anatomy.js'

/** A member's image URL: resolved info first, then their presence data. */
function avatarUrlOf(member: Member): unknown {
  return member.info?.avatarUrl ?? member.data['avatarUrl']
}

export interface AvatarProps {
  readonly member: Member
  readonly size: PresenceSize
  /** Hidden from screen readers, where the member's name is written out beside it. */
  readonly decorative?: boolean | undefined
}

/**
 * One avatar: the image when its URL is safe and loads, else initials on the user's colour.
 * Re-renders only when its member object changes.
 */
export const Avatar = memo(function Avatar({ member, size, decorative = false }: AvatarProps) {
  const name = getDisplayName(member)
  const url = avatarUrlOf(member)
  const [failedUrl, setFailedUrl] = useState<string>()
  const color = getUserColor(member.userId)
  const showImage = isSafeImageUrl(url) && url !== failedUrl
  return (
    <span
      {...part('avatar')}
      data-size={size}
      data-status={member.status}
      {...(decorative ? { 'aria-hidden': true } : { role: 'img', 'aria-label': name })}
    >
      {showImage ? (
        <img {...part('avatar-image')} src={url} alt="" onError={() => setFailedUrl(url)} />
      ) : (
        <span
          {...part('avatar-initials')}
          aria-hidden="true"
          style={{ background: color.background, color: color.foreground }}
        >
          {getInitials(name)}
        </span>
      )}
    </span>
  )
})
