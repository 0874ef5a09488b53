import type { Member, RegisteredMember, Room } from '@presence-kit/core'
import {
  connectHoverCard,
  createHoverCardMachine,
  getDisplayName,
  getTypingText,
  type StatusMessages,
} from '@presence-kit/core/ui'
import {
  computed,
  defineComponent,
  h,
  inject,
  onUpdated,
  ref,
  shallowRef,
  useId,
  watch,
  type PropType,
  type Ref,
  type SlotsType,
} from 'vue'
import { startInBrowser } from '../composables/lifecycle.js'
// From the main entry, so the card reads the same client the app provided.
import { presenceClientKey, useRoomState } from '@presence-kit/vue'
import { part } from './anatomy.js'
import { Avatar } from './avatar.js'
import { StatusText } from './status-text.js'

/**
 * A member's card, for the avatar or row hovered or focused in the stack or list whose `#card`
 * slot it fills (`<MemberHoverCard v-bind="host" />`): name, status and for how long, typing now,
 * the other rooms of this client the member is in, and the app's own content (default slot). The
 * open, close and focus rules are the core's hover-card controller.
 */
export const MemberHoverCard = defineComponent({
  name: 'MemberHoverCard',
  props: {
    /** The stack or the list whose avatars and rows the card watches (from the host). */
    root: { type: Object as PropType<Readonly<Ref<HTMLElement | null | undefined>>>, required: true },
    /** The room shown, if the host shows a room. */
    room: String as PropType<string | undefined>,
    /** The members shown, if the host was given them instead of a room. */
    members: Array as PropType<readonly RegisteredMember[] | undefined>,
    /** How long the pointer rests on an avatar or row before its card opens, in ms. */
    openDelay: Number,
    /** How long the card stays after the pointer leaves, so it can move onto the card, in ms. */
    closeDelay: Number,
    /** Status and typing wording. */
    messages: Object as PropType<Partial<StatusMessages>>,
    /** Locale of the status duration ("Idle · 12 min"). @default the runtime's */
    locale: String,
    /** Before the other rooms the member is in. */
    roomsLabel: { type: String, default: 'Also in' },
  },
  slots: Object as SlotsType<{
    /** The app's own content, at the card's end (keep it text, no controls). */
    default: { member: RegisteredMember }
  }>,
  setup(props, { slots }) {
    const id = useId()
    const version = shallowRef(0)
    const machine = createHoverCardMachine(
      () => version.value++,
      () => id,
    )
    const content = ref<HTMLElement>()
    const connect = () => {
      void version.value
      return connectHoverCard(machine, { root: () => props.root.value, content: () => content.value }, id, {
        openDelay: props.openDelay,
        closeDelay: props.closeDelay,
      })
    }
    startInBrowser(() =>
      watch(
        [() => props.root.value, () => props.openDelay, () => props.closeDelay],
        (_now, _was, onCleanup) => {
          const stop = connect().listen()
          if (stop !== undefined) onCleanup(stop)
        },
        { immediate: true },
      ),
    )
    onUpdated(() => connect().place())

    const client = inject(presenceClientKey, null)
    const handle = computed((): Room | undefined =>
      props.room === undefined || client === null || client.destroyed ? undefined : client.room(props.room),
    )
    const userId = computed(() => {
      void version.value
      return machine.userId
    })
    const shown = useRoomState(
      handle,
      (state): readonly [Member | undefined, boolean] => {
        const open = userId.value
        if (open === undefined) return [undefined, false]
        const found =
          props.members?.find((candidate) => candidate.userId === open) ??
          handle.value?.get(open) ??
          state.recentlyLeft.find((candidate) => candidate.userId === open)
        return [found, state.typing.some((typer) => typer.userId === open)]
      },
      (a, b) => a[0] === b[0] && a[1] === b[1],
      [userId, () => props.members],
    )
    // The other rooms, read again when any room of the client commits while the card is open.
    const clientVersion = shallowRef(0)
    startInBrowser(() =>
      watch(
        userId,
        (open, _was, onCleanup) => {
          if (open !== undefined && client !== null) onCleanup(client.subscribe(() => clientVersion.value++))
        },
        { immediate: true },
      ),
    )
    const otherRooms = computed(() => {
      void clientVersion.value
      const open = userId.value
      if (open === undefined || client === null) return []
      return client.getUserRooms(open).filter((name) => name !== props.room)
    })

    return () => {
      const [member, typing] = shown.value
      if (member === undefined) return null
      const rooms = otherRooms.value
      return h(
        'div',
        { ...part('hover-card'), ...connect().contentProps(), ref: content, 'data-status': member.status },
        [
          h('div', part('hover-card-header'), [
            h(Avatar, { member, size: 'lg', decorative: true }),
            h('div', [
              h('div', part('hover-card-name'), getDisplayName(member)),
              h('div', part('hover-card-status'), [
                h('span', { ...part('activity-dot'), 'data-status': member.status, 'data-size': 'sm' }),
                h(StatusText, { member, messages: props.messages, locale: props.locale }),
              ]),
            ]),
          ]),
          typing
            ? h('div', part('hover-card-typing'), [
                h('span', part('typing-dots'), [h('span'), h('span'), h('span')]),
                getTypingText(props.messages),
              ])
            : null,
          rooms.length > 0
            ? h('div', part('hover-card-rooms'), [
                `${props.roomsLabel} `,
                ...rooms.map((name) => h('span', { key: name, ...part('hover-card-room') }, name)),
              ])
            : null,
          slots.default?.({ member }),
        ],
      )
    }
  },
})
