import type { Member, PresenceStatus } from '@presence-kit/core'
import {
  getDisplayName,
  getListOptionProps,
  getStatusLabel,
  getTypingText,
  type MemberListGroup,
  type StatusMessages,
} from '@presence-kit/core/ui'
import { defineComponent, h, type PropType, type VNode } from 'vue'
import { part, visuallyHidden } from './anatomy.js'
import { Avatar } from './avatar.js'
import { StatusText } from './status-text.js'

/** What the `#row` slot of `OnlineList` receives. */
export interface OnlineListRowSlotProps {
  readonly member: Member
  /** Position among the members (0-based; group headers not counted). */
  readonly index: number
  readonly isSelf: boolean
  readonly status: PresenceStatus
  /** The keyboard-active row. */
  readonly active: boolean
  /** The member is typing in the list's room now. */
  readonly typing: boolean
}

export type RenderRow = (props: OnlineListRowSlotProps) => VNode[]

function placement(start: number, size: number) {
  return {
    position: 'absolute',
    top: '0',
    left: '0',
    width: '100%',
    height: `${size}px`,
    transform: `translateY(${start}px)`,
  } as const
}

/**
 * What a default row shows, a component apart from the row: a commit that changes the list's
 * length (every join or leave) changes every row's `aria-setsize` and position, not what it shows.
 */
const RowContent = defineComponent({
  name: 'OnlineListRowContent',
  props: {
    member: { type: Object as PropType<Member>, required: true },
    typing: { type: Boolean, required: true },
    messages: Object as PropType<Partial<StatusMessages> | undefined>,
    locale: String as PropType<string | undefined>,
  },
  setup(props) {
    return () => {
      const { member } = props
      return [
        // The name and status are written beside it: a labelled image would read them twice.
        h(Avatar, { member, size: 'sm', decorative: true }),
        h('span', { 'data-presence-name': '' }, getDisplayName(member)),
        // Typing: dots on screen, the word in the row's name.
        props.typing
          ? h('span', part('member-typing'), [
              h('span', { ...part('typing-dots'), 'aria-hidden': 'true' }, [h('span'), h('span'), h('span')]),
              h('span', { style: visuallyHidden }, `, ${getTypingText(props.messages)}`),
            ])
          : null,
        h(StatusText, { member, messages: props.messages, locale: props.locale }),
      ]
    }
  },
})

/**
 * One option of the list. A component of its own, with only primitive props and the member
 * object, so a commit that changes one member re-renders that member's row only.
 */
export const OnlineListRow = defineComponent({
  name: 'OnlineListRow',
  props: {
    id: { type: String, required: true },
    member: { type: Object as PropType<Member>, required: true },
    index: { type: Number, required: true },
    setSize: { type: Number, required: true },
    active: { type: Boolean, required: true },
    typing: { type: Boolean, required: true },
    messages: Object as PropType<Partial<StatusMessages> | undefined>,
    locale: String as PropType<string | undefined>,
    start: { type: Number, required: true },
    size: { type: Number, required: true },
    renderRow: Function as PropType<RenderRow | undefined>,
    onPick: { type: Function as PropType<(index: number) => void>, required: true },
  },
  setup(props) {
    return () => {
      const { member, index, active, typing } = props
      return h(
        'div',
        {
          ...part('online-list-row'),
          ...getListOptionProps(member, props.id, index, props.setSize, active),
          style: placement(props.start, props.size),
          onClick: () => props.onPick(index),
        },
        props.renderRow === undefined
          ? [h(RowContent, { member, typing, messages: props.messages, locale: props.locale })]
          : props.renderRow({ member, index, isSelf: member.isSelf, status: member.status, active, typing }),
      )
    }
  },
})

/**
 * A status header with its count, rendered by the list itself (a handful per list, and their
 * counts change with most commits anyway). Decoration for screen readers: every option says its
 * status.
 */
export function renderGroupHeader(
  group: MemberListGroup,
  messages: Partial<StatusMessages> | undefined,
  start: number,
  size: number,
): VNode {
  return h(
    'div',
    {
      ...part('online-list-group'),
      // A number, so that it never equals a member's key (the user id).
      key: -1 - group.itemIndex,
      'data-status': group.status,
      role: 'presentation',
      'aria-hidden': 'true',
      style: placement(start, size),
    },
    `${getStatusLabel(group.status, messages)} (${group.count})`,
  )
}
