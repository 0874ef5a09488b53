import type { Member, PresenceStatus } from '@presence-kit/react'
import { ActivityDot } from '@presence-kit/react'
import { memberRowView } from '@presence-kit/demo-shared'
import { memo, useState } from 'react'

/**
 * The demo's list row: picture (or initials), name, and the member's activity dot. It reuses the
 * stylesheet's avatar anatomy so it looks like the stock row; the picture is decoration here, the
 * name and the dot's label are what a screen reader reads.
 */
export const MemberRow = memo(function MemberRow({
  member,
  status,
}: {
  member: Member
  status: PresenceStatus
}) {
  const view = memberRowView(member)
  const [failed, setFailed] = useState<string | undefined>(undefined)
  const showImage = view.imageUrl !== undefined && view.imageUrl !== failed
  return (
    <span className="demo-row">
      <span data-scope="presence" data-part="avatar" data-size="sm" data-status={status} aria-hidden="true">
        {showImage ? (
          <img
            data-scope="presence"
            data-part="avatar-image"
            src={view.imageUrl}
            alt=""
            onError={() => setFailed(view.imageUrl)}
          />
        ) : (
          <span
            data-scope="presence"
            data-part="avatar-initials"
            style={{ background: view.color.background, color: view.color.foreground }}
          >
            {view.initials}
          </span>
        )}
      </span>
      <span className="demo-row-name" data-presence-name="">
        {view.name}
        {member.isSelf ? ' (you)' : ''}
      </span>
      <ActivityDot status={status} size="sm" />
    </span>
  )
})
