import type { Member } from '@presence-kit/core'
import { getDisplayName, type PresenceSize } from '@presence-kit/core/ui'
import { defineComponent, h, ref, useId, watch, type PropType } from 'vue'
import { part } from './anatomy.js'
import { Avatar } from './avatar.js'

/**
 * The "+N" button and the list it opens. Escape on either, or a click outside, closes the list and
 * gives the focus back to the button; the document listener exists only while the list is open.
 * The open list takes the focus (Tab), so a keyboard can scroll a long one.
 */
export const AvatarOverflow = defineComponent({
  name: 'AvatarOverflow',
  props: {
    hidden: { type: Array as PropType<readonly Member[]>, required: true },
    /** The last item: "+N" for the hidden members not listed, or '' when all are. */
    unlistedText: { type: String, required: true },
    buttonText: { type: String, required: true },
    buttonLabel: { type: String, required: true },
    size: { type: String as PropType<PresenceSize>, required: true },
  },
  setup(props) {
    const open = ref(false)
    const listId = useId()
    const button = ref<HTMLButtonElement>()
    const list = ref<HTMLUListElement>()

    // Only from the button or the list: Escape elsewhere belongs to what has the focus. Handled, it
    // goes no further, so a dialog around the stack stays open.
    const onKeydown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || !open.value) return
      event.preventDefault()
      event.stopPropagation()
      open.value = false
      button.value?.focus()
    }

    // Watchers of a component never run on a server, so neither does this listener.
    watch(open, (isOpen, _was, onCleanup) => {
      const document = button.value?.ownerDocument
      if (!isOpen || document === undefined) return
      // A click, not a press: by then the browser has moved focus, so a click on another control
      // keeps its focus and only a click on nothing focusable brings the focus back to the button.
      const onClick = (event: Event) => {
        const target = event.target as Node
        if (button.value?.contains(target) || list.value?.contains(target)) return
        open.value = false
        const focused = document.activeElement
        if (focused === null || focused === document.body) button.value?.focus()
      }
      document.addEventListener('click', onClick)
      onCleanup(() => document.removeEventListener('click', onClick))
    })

    return () => {
      const items = open.value
        ? props.hidden.map((member) =>
            h('li', { key: member.userId }, [
              h(Avatar, { member, size: 'sm', decorative: true }),
              h('span', getDisplayName(member)),
            ]),
          )
        : []
      if (open.value && props.unlistedText !== '') items.push(h('li', { key: '+rest' }, props.unlistedText))
      return [
        h(
          'button',
          {
            ...part('avatar-overflow'),
            ref: button,
            type: 'button',
            'data-size': props.size,
            'data-long': props.buttonText.length > 4 ? '' : undefined,
            'aria-label': props.buttonLabel,
            'aria-expanded': String(open.value),
            'aria-controls': listId,
            onClick: () => (open.value = !open.value),
            onKeydown,
          },
          props.buttonText,
        ),
        h(
          'ul',
          {
            ...part('avatar-overflow-list'),
            ref: list,
            id: listId,
            'data-state': open.value ? 'open' : 'closed',
            hidden: !open.value,
            'aria-label': props.buttonLabel,
            tabindex: 0,
            onKeydown,
          },
          items,
        ),
      ]
    }
  },
})
