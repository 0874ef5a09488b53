import type { Member } from '@presence-kit/core'
import {
  getAvatarInitials,
  getDisplayName,
  getStatusLabel,
  getUserColor,
  isSafeImageUrl,
  type PresenceSize,
  type StatusMessages,
} from '@presence-kit/core/ui'
import { memo, useState, type CSSProperties } from 'react'
import { flag, part } from './anatomy.js'

/** A member's image URL: resolved info first, then their presence data. */
function avatarUrlOf(member: Member): unknown {
  return member.info?.avatarUrl ?? member.data['avatarUrl']
}

export interface AvatarProps {
  readonly member: Member
  readonly size: PresenceSize
  /** Hidden from screen readers, where the member's name and status are written out beside it. */
  readonly decorative?: boolean | undefined
  /** A ring in the member's colour. */
  readonly ring?: boolean | undefined
  readonly messages?: Partial<StatusMessages> | undefined
  readonly style?: CSSProperties | undefined
  /** In a stack: a tab stop, marked as the member's (`data-user-id`) for select and a card. */
  readonly focusable?: boolean | undefined
}

/**
 * One avatar: initials on the user's colour, covered by the image once it has loaded (so a slow or
 * broken image never leaves an empty circle), and a status badge whose shape differs per status.
 * Named "name, status" for screen readers. Re-renders only when its member object changes.
 */
export const Avatar = memo(function Avatar({
  member,
  size,
  decorative,
  ring,
  messages,
  style,
  focusable,
}: AvatarProps) {
  const name = getDisplayName(member)
  const url = avatarUrlOf(member)
  const [loadedUrl, setLoadedUrl] = useState<unknown>()
  const [failedUrl, setFailedUrl] = useState<unknown>()
  const color = getUserColor(member.userId)
  const label = `${name}, ${getStatusLabel(member.status, messages)}`
  return (
    <span
      {...part('avatar')}
      data-size={size}
      data-status={member.status}
      data-ring={flag(ring === true)}
      style={{ ...style, '--presence-user-color': color.background } as CSSProperties}
      {...(decorative ? { 'aria-hidden': true } : { role: 'img', 'aria-label': label })}
      {...(focusable && { tabIndex: 0, 'data-user-id': member.userId })}
    >
      <span {...part('avatar-initials')} style={{ background: color.background, color: color.foreground }}>
        {getAvatarInitials(name, size)}
      </span>
      {isSafeImageUrl(url) && url !== failedUrl && (
        <img
          {...part('avatar-image')}
          src={url}
          alt=""
          data-state={url === loadedUrl ? 'loaded' : 'loading'}
          onLoad={() => setLoadedUrl(url)}
          onError={() => setFailedUrl(url)}
        />
      )}
      <span {...part('avatar-badge')} data-status={member.status} />
    </span>
  )
})
