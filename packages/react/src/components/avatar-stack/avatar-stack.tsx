import { PresenceError, type Member } from '@presence-kit/core'
import {
  checkRoomProp,
  getAvatarStackHandlers,
  DEFAULT_AVATAR_STACK_MAX,
  getAvatarStack,
  getAvatarStackLabels,
  firstMembers,
  getDisplayName,
  getStaleLabel,
  normalizeCount,
  normalizeSize,
  type AvatarStackMessages,
  type PresenceSize,
  type StatusMessages,
} from '@presence-kit/core/ui'
import { useMemo, useRef } from 'react'
import { useMemberList } from '../../hooks/use-member-list.js'
import { useRoom } from '../../hooks/use-room.js'
import { Avatar } from '../shared/avatar.js'
import { flag, part } from '../shared/anatomy.js'
import { domProps } from '../shared/dom-props.js'
import type { RenderMemberCard } from '../shared/member-card-host.js'
import { reportPropError } from '@presence-kit/core/ui'
import { OverflowList } from './overflow-list.js'

/** The hidden members listed behind "+N" at most; the rest are counted ("and 120 more"). */
export const AVATAR_OVERFLOW_LIST_LIMIT = 50

interface AvatarStackCommonProps {
  /** Avatars shown before the "+N" button. @default DEFAULT_AVATAR_STACK_MAX (5) */
  readonly max?: number | undefined
  /** Everyone counted, when the roster is counted elsewhere (e.g. a server count). */
  readonly total?: number | undefined
  /** Avatar size: `sm`, `md` or `lg`. @default 'md' */
  readonly size?: PresenceSize | undefined
  /** Show the local user among the avatars. @default true */
  readonly includeSelf?: boolean | undefined
  /** The group's accessible name; by default "N people online" from `messages`. */
  readonly label?: string | undefined
  /** Wording of the group's name ("3 people online") and of the "+N" button's. */
  readonly messages?: Partial<AvatarStackMessages> | undefined
  /** Which avatar covers its neighbour where they overlap. @default 'first-on-top' */
  readonly order?: 'first-on-top' | 'last-on-top' | undefined
  /** A ring in each member's own colour. @default false */
  readonly ring?: boolean | undefined
  /** Status wording in avatars' names and the "+N" list. */
  readonly statusMessages?: Partial<StatusMessages> | undefined
  /**
   * Added to the group's name while a room's roster is the last known one (reconnecting), when
   * the avatars are greyed. @default DEFAULT_STALE_TEXT
   */
  readonly staleText?: string | undefined
  /** Locale of the "+N" chip, compact from 1,000 on ("+1.2K"). @default 'en' */
  readonly locale?: string | undefined
  /** Enter, Space or a click on an avatar or a "+N" item reports its member (to jump to or follow them). */
  readonly onSelect?: ((member: Member) => void) | undefined
  /** A card for the avatar hovered or focused: `(host) => <MemberHoverCard {...host} />`. */
  readonly card?: RenderMemberCard | undefined
  /** On the component's outer element. */
  readonly className?: string | undefined
}

export type AvatarStackProps = AvatarStackCommonProps &
  (
    | {
        /** The room whose members the stack shows; or give `members`. */
        readonly room: string
        /** Members to show instead of a room's, in this order. */
        readonly members?: undefined
      }
    | { readonly members: readonly Member[]; readonly room?: undefined }
  )

/**
 * Overlapping avatars of a room's members (self first, then by status and name) or of the
 * `members` given, in that order; then a "+N" button that opens the list of the hidden ones.
 */
export function AvatarStack(props: AvatarStackProps) {
  if (props.members !== undefined) {
    if (Array.isArray(props.members)) return <AvatarStackView {...props} members={props.members} />
    if (process.env.NODE_ENV !== 'production')
      reportPropError(new PresenceError('invalid-input', '<AvatarStack>: "members" must be an array.'))
    return null
  }
  const error = checkRoomProp(props.room, process.env.NODE_ENV !== 'production' ? 'AvatarStack' : '')
  if (error !== undefined) {
    reportPropError(error)
    return null
  }
  return <RoomAvatarStack {...props} room={props.room as string} />
}

function RoomAvatarStack(props: AvatarStackCommonProps & { readonly room: string }) {
  const room = useRoom(props.room, { join: false })
  // A count-only room has no members to show: its count is the stack's total.
  const { ordered, stale, counted } = useMemberList(room, { includeSelf: props.includeSelf ?? true })
  // Only the members that can be seen or listed are read: a roster may be 100,000 long.
  const read = normalizeCount(props.max, DEFAULT_AVATAR_STACK_MAX) + AVATAR_OVERFLOW_LIST_LIMIT
  const members = useMemo(() => firstMembers(ordered, read), [ordered, read])
  return (
    <AvatarStackView
      {...props}
      total={counted ?? Math.max(ordered.length, normalizeCount(props.total, 0))}
      members={members}
      stale={stale}
      roomName={props.room}
    />
  )
}

function AvatarStackView({
  members,
  max,
  total,
  size,
  includeSelf = true,
  label,
  messages,
  order,
  ring,
  statusMessages,
  staleText,
  locale,
  onSelect,
  card,
  className,
  stale = false,
  roomName,
}: AvatarStackCommonProps & {
  readonly members: readonly Member[]
  readonly stale?: boolean
  readonly roomName?: string
}) {
  const root = useRef<HTMLDivElement>(null)
  const shownMax = normalizeCount(max, DEFAULT_AVATAR_STACK_MAX)
  const everyone = Math.max(members.length, normalizeCount(total, members.length))
  const stack = useMemo(() => {
    const chosen = includeSelf ? members : members.filter((member) => !member.isSelf)
    // Only the members that can be seen or listed are copied: a roster may be 100,000 long.
    const loaded = chosen.slice(0, shownMax + AVATAR_OVERFLOW_LIST_LIMIT)
    const counted =
      chosen === members ? everyone : Math.max(chosen.length, normalizeCount(total, chosen.length))
    return getAvatarStack({ members: loaded, max: shownMax, total: counted, locale })
  }, [members, includeSelf, shownMax, everyone, total, locale])
  const labels = getAvatarStackLabels(stack.total, stack.overflowCount, messages, stack.overflowLabel)
  const shownSize = normalizeSize(size)
  const handlers = getAvatarStackHandlers((userId) =>
    onSelect?.([...stack.visible, ...stack.hidden].find((member) => member.userId === userId)!),
  )
  return (
    <div
      ref={root}
      {...part('avatar-stack')}
      {...domProps(handlers)}
      data-size={shownSize}
      data-order={order === 'last-on-top' ? order : 'first-on-top'}
      data-stale={flag(stale)}
      role="group"
      aria-label={getStaleLabel(label ?? labels.groupLabel, stale, staleText)}
      className={className}
    >
      {stack.visible.map((member, index) => (
        <Avatar
          key={member.userId}
          member={member}
          size={shownSize}
          ring={ring}
          messages={statusMessages}
          focusable
          // Later siblings paint on top; first-on-top counts down instead.
          style={order === 'last-on-top' ? undefined : { zIndex: stack.visible.length - index }}
        />
      ))}
      {/* Nobody to list behind the count (a count-only room): a chip, not a button. */}
      {stack.overflowCount > 0 && stack.hidden.length === 0 && (
        <span
          {...part('avatar-overflow')}
          data-size={shownSize}
          data-long={flag(stack.overflowLabel.length > 4)}
          aria-hidden="true"
        >
          <bdi>{stack.overflowLabel}</bdi>
        </span>
      )}
      {stack.overflowCount > 0 && stack.hidden.length > 0 && (
        <OverflowList
          hidden={stack.hidden}
          unlistedText={stack.unlistedLabel}
          buttonText={stack.overflowLabel}
          buttonLabel={labels.overflowButtonLabel}
          size={shownSize}
          nameOf={getDisplayName}
          messages={statusMessages}
        />
      )}
      {card?.({ root, room: roomName, members: roomName === undefined ? members : undefined })}
    </div>
  )
}
