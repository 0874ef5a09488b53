import { PresenceError, type Member, type RegisteredMember } from '@presence-kit/core'
import {
  getAvatarStackHandlers,
  DEFAULT_AVATAR_STACK_MAX,
  getAvatarStack,
  getAvatarStackLabels,
  firstMembers,
  getStaleLabel,
  normalizeCount,
  normalizeSize,
  type AvatarStackMessages,
  type MemberSequence,
  type PresenceSize,
  type StatusMessages,
} from '@presence-kit/core/ui'
import { computed, defineComponent, h, ref, type PropType, type SlotsType } from 'vue'
import { holdRoom } from '../composables/room-hold.js'
import { useRoomHandle } from '../composables/room-handle.js'
import { reportInDevelopment } from '../composables/report.js'
import { flag, part } from './anatomy.js'
import { Avatar } from './avatar.js'
import type { MemberCardHost } from './member-card-host.js'
import { OverflowList } from './overflow-list.js'
import { useMemberList } from './use-member-list.js'
import { useRoomProp } from './room-prop.js'

/** The hidden members listed behind "+N" at most; the rest are counted ("+120"). */
export const AVATAR_OVERFLOW_LIST_LIMIT = 50

/**
 * Overlapping avatars of a room's members (self first, then by status and name) or of the
 * `members` given, in that order; then a "+N" button that opens the list of the hidden ones.
 */
export const AvatarStack = defineComponent({
  name: 'AvatarStack',
  props: {
    /** The room whose members the stack shows; or give `members`. */
    room: String,
    /** Members to show instead of a room's, in this order. */
    members: Array as PropType<readonly RegisteredMember[]>,
    /** Avatars shown before the "+N" button (`DEFAULT_AVATAR_STACK_MAX`). */
    max: { type: Number, default: DEFAULT_AVATAR_STACK_MAX },
    /** Everyone counted, when the roster is counted elsewhere (e.g. a server count). */
    total: Number,
    /** Avatar size: `sm`, `md` or `lg`. */
    size: { type: String as PropType<PresenceSize>, default: 'md' },
    /** Show the local user among the avatars. */
    includeSelf: { type: Boolean, default: true },
    /** The group's accessible name; by default "N people online" from `messages`. */
    label: String,
    /** Wording of the group's name ("3 people online") and of the "+N" button's. */
    messages: Object as PropType<Partial<AvatarStackMessages>>,
    /** Which avatar covers its neighbour where they overlap. */
    order: { type: String as PropType<'first-on-top' | 'last-on-top'>, default: 'first-on-top' },
    /** A ring in each member's own colour. */
    ring: Boolean,
    /** Status wording in avatars' names and the "+N" list. */
    statusMessages: Object as PropType<Partial<StatusMessages>>,
    /**
     * Added to the group's name while a room's roster is the last known one (reconnecting), when
     * the avatars are greyed. @default DEFAULT_STALE_TEXT
     */
    staleText: String,
    /** Locale of the "+N" chip, compact from 1,000 on ("+1.2K"). @default 'en' */
    locale: String,
  },
  emits: {
    /** Enter, Space or a click on an avatar or a "+N" item (to jump to or follow the member). */
    select: (_member: RegisteredMember) => true,
  },
  slots: Object as SlotsType<{
    /** A card for the avatar hovered or focused: `<MemberHoverCard v-bind="host" />`. */
    card: MemberCardHost
  }>,
  setup(props, { emit, slots }) {
    const root = ref<HTMLElement>()
    const byRoom = computed(() => props.members === undefined)
    const roomName = useRoomProp(
      () => (byRoom.value ? props.room : undefined),
      process.env.NODE_ENV !== 'production' ? 'AvatarStack' : '',
      byRoom,
    )
    const room = useRoomHandle(roomName)
    holdRoom(room, false)
    const list = useMemberList(room, () => ({ includeSelf: props.includeSelf }))
    const members = computed((): MemberSequence<Member> | undefined => {
      if (byRoom.value) return roomName.value === undefined ? undefined : list.value.ordered
      if (Array.isArray(props.members)) return props.members
      if (process.env.NODE_ENV !== 'production')
        reportInDevelopment(new PresenceError('invalid-input', '<AvatarStack>: "members" must be an array.'))
      return undefined
    })
    const stack = computed(() => {
      const all = members.value
      if (all === undefined) return undefined
      const shownMax = normalizeCount(props.max, DEFAULT_AVATAR_STACK_MAX)
      // A room's list has left self out already; members given are an array.
      const chosen =
        byRoom.value || props.includeSelf
          ? all
          : (all as readonly Member[]).filter((member) => !member.isSelf)
      // Only the members that can be seen or listed are read: a roster may be 100,000 long.
      const loaded = firstMembers(chosen, shownMax + AVATAR_OVERFLOW_LIST_LIMIT)
      // A count-only room has no members to show: its count is the stack's total.
      const given = (byRoom.value ? list.value.counted : undefined) ?? props.total
      const total = Math.max(chosen.length, normalizeCount(given, chosen.length))
      return getAvatarStack({ members: loaded, max: shownMax, total, locale: props.locale })
    })

    return () => {
      const current = stack.value
      if (current === undefined) return null
      const labels = getAvatarStackLabels(
        current.total,
        current.overflowCount,
        props.messages,
        current.overflowLabel,
      )
      const size = normalizeSize(props.size)
      const lastOnTop = props.order === 'last-on-top'
      const count = current.visible.length
      const stale = byRoom.value && list.value.stale
      const handlers = getAvatarStackHandlers((userId) =>
        emit(
          'select',
          [...current.visible, ...current.hidden].find((member) => member.userId === userId)!,
        ),
      )
      return h(
        'div',
        {
          ...part('avatar-stack'),
          ...handlers,
          ref: root,
          'data-size': size,
          'data-order': lastOnTop ? 'last-on-top' : 'first-on-top',
          'data-stale': flag(stale),
          role: 'group',
          'aria-label': getStaleLabel(props.label ?? labels.groupLabel, stale, props.staleText),
        },
        [
          ...current.visible.map((member, index) =>
            h(Avatar, {
              key: member.userId,
              member,
              size,
              ring: props.ring,
              messages: props.statusMessages,
              focusable: true,
              // Later siblings paint on top; first-on-top counts down instead.
              style: lastOnTop ? undefined : { zIndex: count - index },
            }),
          ),
          // Nobody to list behind the count (a count-only room): a chip, not a button.
          current.overflowCount > 0 && current.hidden.length === 0
            ? h(
                'span',
                {
                  ...part('avatar-overflow'),
                  'data-size': size,
                  'data-long': flag(current.overflowLabel.length > 4),
                  'aria-hidden': 'true',
                },
                [h('bdi', current.overflowLabel)],
              )
            : current.overflowCount > 0
              ? h(OverflowList, {
                  key: '+overflow',
                  hidden: current.hidden,
                  unlistedText: current.unlistedLabel,
                  buttonText: current.overflowLabel,
                  buttonLabel: labels.overflowButtonLabel,
                  size,
                  messages: props.statusMessages,
                })
              : null,
          slots.card?.({ root, room: roomName.value, members: props.members }),
        ],
      )
    }
  },
})
