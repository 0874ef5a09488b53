import type { Member, PresenceStatus } from '@presence-kit/core'
import { getDisplayName, getStatusLabel, type StatusMessages } from '@presence-kit/core/ui'
import { defineComponent, h, type PropType, type VNodeChild } from 'vue'
import { flag, part } from './anatomy.js'

/** What the `#row` slot of `OnlineList` receives. */
export interface OnlineListRowSlotProps {
  readonly member: Member
  /** Position in the list of members (0-based; group headers not counted). */
  readonly index: number
  readonly isSelf: boolean
  readonly status: PresenceStatus
}

export type RenderRow = (props: OnlineListRowSlotProps) => VNodeChild

/**
 * One option of the list. A component of its own so that a commit re-renders only the rows whose
 * props changed: an unchanged member keeps its object, so its row is left alone.
 */
export const OnlineListRow = defineComponent({
  name: 'OnlineListRow',
  props: {
    member: { type: Object as PropType<Member>, required: true },
    index: { type: Number, required: true },
    setSize: { type: Number, required: true },
    id: { type: String, required: true },
    active: { type: Boolean, required: true },
    top: { type: Number, required: true },
    height: { type: Number, required: true },
    messages: { type: Object as PropType<Partial<StatusMessages>>, default: undefined },
    renderRow: { type: Function as PropType<RenderRow>, default: undefined },
  },
  emits: { choose: (_index: number) => true },
  setup(props, { emit }) {
    return () => {
      const { member, index } = props
      const status = member.status
      const custom = props.renderRow?.({ member, index, isSelf: member.isSelf, status })
      const name = getDisplayName(member)
      const statusLabel = getStatusLabel(status, props.messages)
      return h(
        'div',
        {
          ...part('online-list-row'),
          id: props.id,
          role: 'option',
          'aria-selected': String(props.active),
          'aria-setsize': props.setSize,
          'aria-posinset': index + 1,
          // A custom row names itself through its content.
          'aria-label': custom === undefined ? `${name}, ${statusLabel}` : undefined,
          'data-status': status,
          'data-self': flag(member.isSelf),
          'data-active': flag(props.active),
          style: {
            position: 'absolute',
            top: '0',
            left: '0',
            width: '100%',
            height: `${props.height}px`,
            transform: `translateY(${props.top}px)`,
          },
          onClick: () => emit('choose', index),
        },
        custom ?? [
          h('span', {
            ...part('activity-dot'),
            'data-status': status,
            'data-size': 'sm',
            'aria-hidden': 'true',
          }),
          h('span', { 'data-presence-name': '' }, name),
        ],
      )
    }
  },
})
