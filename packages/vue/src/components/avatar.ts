import type { Member } from '@presence-kit/core'
import {
  getAvatarInitials,
  getDisplayName,
  getStatusLabel,
  getUserColor,
  isSafeImageUrl,
  type PresenceSize,
  type StatusMessages,
} from '@presence-kit/core/ui'
import { defineComponent, h, shallowRef, type PropType } from 'vue'
import { flag, part } from './anatomy.js'

/** A member's image URL: resolved info first, then their presence data. */
function avatarUrlOf(member: Member): unknown {
  return member.info?.avatarUrl ?? member.data['avatarUrl']
}

/**
 * One avatar: initials on the user's colour, covered by the image once it has loaded (so a slow or
 * broken image never leaves an empty circle), and a status badge whose shape differs per status.
 * Named "name, status" for screen readers.
 */
export const Avatar = defineComponent({
  name: 'PresenceAvatar',
  props: {
    member: { type: Object as PropType<Member>, required: true },
    size: { type: String as PropType<PresenceSize>, default: 'md' },
    /** Hidden from screen readers, where the member's name and status are written out beside it. */
    decorative: Boolean,
    /** A ring in the member's colour. */
    ring: Boolean,
    messages: Object as PropType<Partial<StatusMessages> | undefined>,
    /** In a stack: a tab stop, marked as the member's (`data-user-id`) for select and a card. */
    focusable: Boolean,
  },
  setup(props) {
    const loadedUrl = shallowRef<unknown>()
    const failedUrl = shallowRef<unknown>()
    return () => {
      const { member, size } = props
      const name = getDisplayName(member)
      const url = avatarUrlOf(member)
      const color = getUserColor(member.userId)
      const label = `${name}, ${getStatusLabel(member.status, props.messages)}`
      return h(
        'span',
        {
          ...part('avatar'),
          'data-size': size,
          'data-status': member.status,
          'data-ring': flag(props.ring),
          style: { '--presence-user-color': color.background },
          ...(props.decorative ? { 'aria-hidden': 'true' } : { role: 'img', 'aria-label': label }),
          ...(props.focusable && { tabindex: 0, 'data-user-id': member.userId }),
        },
        [
          h(
            'span',
            { ...part('avatar-initials'), style: { background: color.background, color: color.foreground } },
            getAvatarInitials(name, size),
          ),
          isSafeImageUrl(url) && url !== failedUrl.value
            ? h('img', {
                ...part('avatar-image'),
                src: url,
                alt: '',
                'data-state': url === loadedUrl.value ? 'loaded' : 'loading',
                onLoad: () => (loadedUrl.value = url),
                onError: () => (failedUrl.value = url),
              })
            : null,
          h('span', { ...part('avatar-badge'), 'data-status': member.status }),
        ],
      )
    }
  },
})
