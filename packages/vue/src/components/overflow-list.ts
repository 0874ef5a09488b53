import type { Member } from '@presence-kit/core'
import {
  connectPopover,
  createPopoverMachine,
  getDisplayName,
  type PresenceSize,
  type StatusMessages,
} from '@presence-kit/core/ui'
import { defineComponent, h, ref, shallowRef, useId, watch, type PropType } from 'vue'
import { part } from './anatomy.js'
import { Avatar } from './avatar.js'
import { StatusText } from './status-text.js'

/**
 * The "+N" button and the list it opens, bound to the core's popover controller: Escape or a click
 * outside closes the list and gives the focus back to the button.
 */
export const OverflowList = defineComponent({
  name: 'OverflowList',
  props: {
    /** The members behind the "+N" button, listed when it opens. */
    hidden: { type: Array as PropType<readonly Member[]>, required: true },
    /** The last item: "+N" for the hidden members not listed, or '' when all are. */
    unlistedText: { type: String, required: true },
    /** The button's visible text ("+4", "+1.2K"). */
    buttonText: { type: String, required: true },
    /** The button's accessible name ("Show 4 more people"). */
    buttonLabel: { type: String, required: true },
    /** Avatar size of the button and the listed avatars. */
    size: { type: String as PropType<PresenceSize>, required: true },
    /** Status wording of the listed avatars and rows. */
    messages: Object as PropType<Partial<StatusMessages> | undefined>,
  },
  setup(props) {
    const version = shallowRef(0)
    const machine = createPopoverMachine(() => version.value++)
    const listId = useId()
    const button = ref<HTMLButtonElement>()
    const list = ref<HTMLUListElement>()
    const connect = () => {
      void version.value
      return connectPopover(machine, { trigger: () => button.value, content: () => list.value }, listId)
    }

    // Watchers of a component never run on a server, so neither does this listener.
    watch(version, (_now, _was, onCleanup) => {
      const stop = connect().listenOutside()
      if (stop !== undefined) onCleanup(stop)
    })

    return () => {
      const api = connect()
      const items = api.open
        ? props.hidden.map((member) =>
            h('li', { key: member.userId, 'data-user-id': member.userId, tabindex: 0 }, [
              h(Avatar, { member, size: 'sm', decorative: true }),
              h('span', { 'data-presence-name': '' }, getDisplayName(member)),
              h(StatusText, { member, messages: props.messages }),
            ]),
          )
        : []
      if (api.open && props.unlistedText !== '')
        items.push(h('li', { key: '+rest' }, [h('bdi', props.unlistedText)]))
      return [
        h(
          'button',
          {
            ...part('avatar-overflow'),
            ...api.triggerProps(),
            ref: button,
            'data-size': props.size,
            'data-long': props.buttonText.length > 4 ? '' : undefined,
            'aria-label': props.buttonLabel,
          },
          // Isolated, so a right-to-left page does not read "+3" as "3+": <bdi> takes its direction
          // from the count itself ("+100K" left to right, an Arabic compact count right to left).
          [h('bdi', props.buttonText)],
        ),
        h(
          'ul',
          {
            ...part('avatar-overflow-list'),
            ...api.contentProps(),
            ref: list,
            'aria-label': props.buttonLabel,
          },
          items,
        ),
      ]
    }
  },
})
