import type { Member, PresenceStatus } from '@presence-kit/core'
import {
  getDisplayName,
  getListOptionProps,
  getStatusLabel,
  getTypingText,
  type MemberListGroup,
  type StatusMessages,
} from '@presence-kit/core/ui'
import { memo, type ReactNode } from 'react'
import { Avatar } from '../shared/avatar.js'
import { part, visuallyHidden } from '../shared/anatomy.js'
import { StatusText } from '../shared/status-text.js'

/** What a custom row is told about its member. */
export interface OnlineListRowInfo {
  /** Position among the members (0-based; group headers not counted). */
  readonly index: number
  readonly isSelf: boolean
  readonly status: PresenceStatus
  /** The keyboard-active row. */
  readonly active: boolean
  /** The member is typing in the list's room now. */
  readonly typing: boolean
}

export type RenderOnlineListRow = (member: Member, info: OnlineListRowInfo) => ReactNode

interface RowPlacement {
  readonly start: number
  readonly size: number
}

function placement({ start, size }: RowPlacement) {
  return {
    position: 'absolute',
    top: 0,
    left: 0,
    width: '100%',
    height: size,
    transform: `translateY(${start}px)`,
  } as const
}

export interface MemberRowProps extends RowPlacement {
  readonly id: string
  readonly member: Member
  readonly index: number
  readonly setSize: number
  readonly active: boolean
  readonly typing: boolean
  readonly messages: Partial<StatusMessages> | undefined
  readonly locale: string | undefined
  readonly renderRow: RenderOnlineListRow | undefined
  readonly onPick: (index: number) => void
}

/**
 * One option of the list. Memoised on primitive props and the member object, so a commit that
 * changes one member re-renders that member's row only.
 */
export const MemberRow = memo(function MemberRow({
  id,
  member,
  index,
  setSize,
  active,
  typing,
  messages,
  locale,
  renderRow,
  onPick,
  start,
  size,
}: MemberRowProps) {
  const info: OnlineListRowInfo = { index, isSelf: member.isSelf, status: member.status, active, typing }
  return (
    <div
      {...part('online-list-row')}
      {...getListOptionProps(member, id, index, setSize, active)}
      style={placement({ start, size })}
      onClick={() => onPick(index)}
    >
      {typeof renderRow !== 'function' ? (
        <DefaultRowContent member={member} typing={typing} messages={messages} locale={locale} />
      ) : (
        renderRow(member, info)
      )}
    </div>
  )
})

/**
 * What a default row shows, memoised apart from the row: a commit that changes the list's length
 * (every join or leave) changes every row's `aria-setsize` and position, not what it shows.
 */
const DefaultRowContent = memo(function DefaultRowContent({
  member,
  typing,
  messages,
  locale,
}: {
  member: Member
  typing: boolean
  messages: Partial<StatusMessages> | undefined
  locale: string | undefined
}) {
  return (
    <>
      {/* The name and status are written beside it: a labelled image would read them twice. */}
      <Avatar member={member} size="sm" decorative />
      <span data-presence-name="">{getDisplayName(member)}</span>
      {typing && (
        // Dots on screen, the word in the row's name.
        <span {...part('member-typing')}>
          <span {...part('typing-dots')} aria-hidden="true">
            <span />
            <span />
            <span />
          </span>
          <span style={visuallyHidden}>{`, ${getTypingText(messages)}`}</span>
        </span>
      )}
      <StatusText member={member} messages={messages} locale={locale} />
    </>
  )
})

export interface GroupRowProps extends RowPlacement {
  readonly group: MemberListGroup
  readonly messages: Partial<StatusMessages> | undefined
}

/** A status header with its count. Decoration for screen readers: every option says its status. */
export const GroupRow = memo(function GroupRow({ group, messages, start, size }: GroupRowProps) {
  return (
    <div
      {...part('online-list-group')}
      data-status={group.status}
      role="presentation"
      aria-hidden="true"
      style={placement({ start, size })}
    >
      {`${getStatusLabel(group.status, messages)} (${group.count})`}
    </div>
  )
})
