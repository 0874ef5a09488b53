import type { Member } from '@presence-kit/core'
import {
  DEFAULT_AVATAR_STACK_MAX,
  getAvatarStack,
  getAvatarStackLabels,
  getDisplayName,
  normalizeSize,
  type AvatarStackMessages,
  type PresenceSize,
} from '@presence-kit/core/ui'
import { computed, defineComponent, h, nextTick, onScopeDispose, ref, useId, watch, type PropType } from 'vue'
import { holdRoom } from '../composables/room-hold.js'
import { useRoomHandle } from '../composables/room-handle.js'
import { part } from './anatomy.js'
import { Avatar } from './avatar.js'
import { useMemberList } from './use-member-list.js'
import { useRoomProp } from './room-prop.js'

/**
 * The first `max` members as avatars, then a "+N" button that opens the list of the others.
 * Escape or a click outside closes the list and gives focus back to the button.
 */
export const AvatarStack = defineComponent({
  name: 'AvatarStack',
  props: {
    room: { type: String, default: undefined },
    /** Members to show instead of a room's, in display order. */
    members: { type: Array as PropType<readonly Member[]>, default: undefined },
    max: { type: Number, default: DEFAULT_AVATAR_STACK_MAX },
    total: { type: Number, default: undefined },
    size: { type: String as PropType<PresenceSize>, default: 'md' },
    includeSelf: { type: Boolean, default: true },
    label: { type: String, default: undefined },
    messages: { type: Object as PropType<Partial<AvatarStackMessages>>, default: undefined },
  },
  setup(props) {
    const roomName = useRoomProp(() => (props.members === undefined ? props.room : undefined), 'AvatarStack')
    const room = useRoomHandle(roomName)
    holdRoom(room, false, () => undefined)
    const list = useMemberList(room, () => ({ includeSelf: props.includeSelf }))
    const members = computed(() => {
      const given = props.members
      if (given === undefined) return list.value.members
      return props.includeSelf ? given : given.filter((member) => !member.isSelf)
    })
    const stack = computed(() =>
      getAvatarStack({ members: members.value, max: props.max, total: props.total }),
    )
    const labels = computed(() =>
      getAvatarStackLabels(stack.value.total, stack.value.overflowCount, props.messages),
    )

    const listId = `${useId()}-more`
    const open = ref(false)
    const root = ref<HTMLElement>()
    const button = ref<HTMLButtonElement>()
    const close = (returnFocus: boolean) => {
      open.value = false
      if (returnFocus) void nextTick(() => button.value?.focus())
    }
    const onKeydown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && open.value) {
        event.stopPropagation()
        close(true)
      }
    }
    const onDocumentPointer = (event: Event) => {
      if (root.value !== undefined && !root.value.contains(event.target as Node)) close(true)
    }
    // The document listens only while the list is open; watchers never run on a server.
    watch(open, (isOpen, _was, onCleanup) => {
      if (!isOpen || typeof document === 'undefined') return
      document.addEventListener('pointerdown', onDocumentPointer, true)
      onCleanup(() => document.removeEventListener('pointerdown', onDocumentPointer, true))
    })
    // Nothing left to show behind the button: close, the button is gone.
    watch(
      () => stack.value.overflowCount,
      (count) => {
        if (count === 0) open.value = false
      },
    )
    onScopeDispose(() => (open.value = false))

    return () => {
      const size = normalizeSize(props.size)
      const { visible, hidden, overflowCount, overflowLabel } = stack.value
      const children = visible.map((member) => h(Avatar, { key: member.userId, member, size }))
      if (overflowCount > 0) {
        children.push(
          h(
            'button',
            {
              ...part('avatar-overflow'),
              key: '+overflow',
              ref: button,
              type: 'button',
              'data-size': size,
              'aria-expanded': String(open.value),
              'aria-controls': listId,
              'aria-label': labels.value.overflowButtonLabel,
              onClick: () => (open.value = !open.value),
            },
            overflowLabel,
          ),
          h(
            'ul',
            {
              ...part('avatar-overflow-list'),
              key: '+list',
              id: listId,
              'data-state': open.value ? 'open' : 'closed',
              hidden: !open.value,
              'aria-label': labels.value.overflowButtonLabel,
            },
            hidden.map((member) =>
              h('li', { key: member.userId }, [
                h(Avatar, { member, size: 'sm' }),
                h('span', { 'aria-hidden': 'true' }, getDisplayName(member)),
              ]),
            ),
          ),
        )
      }
      return h(
        'div',
        {
          ...part('avatar-stack'),
          ref: root,
          role: 'group',
          'data-size': size,
          'aria-label': props.label ?? labels.value.groupLabel,
          onKeydown,
        },
        children,
      )
    }
  },
})
