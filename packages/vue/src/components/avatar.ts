import type { Member } from '@presence-kit/core'
import {
  getDisplayName,
  getInitials,
  getUserColor,
  isSafeImageUrl,
  type PresenceSize,
} from '@presence-kit/core/ui'
import { defineComponent, h, ref, watch, type PropType } from 'vue'
import { part } from './anatomy.js'

/** A member's image URL: resolved info first, then their presence data. */
function avatarUrlOf(member: Member): unknown {
  return member.info?.avatarUrl ?? member.data['avatarUrl']
}

/**
 * One member's avatar: the image when its URL is safe and loads, else initials on the member's
 * colour. Named for screen readers by the member's name (the image itself is decorative).
 */
export const Avatar = defineComponent({
  name: 'PresenceAvatar',
  props: {
    member: { type: Object as PropType<Member>, required: true },
    size: { type: String as PropType<PresenceSize>, default: 'md' },
    /** Hidden from screen readers, where the member's name is written out beside it. */
    decorative: { type: Boolean, default: false },
  },
  setup(props) {
    const failed = ref(false)
    // A new URL deserves a new try.
    watch(
      () => avatarUrlOf(props.member),
      () => (failed.value = false),
    )
    return () => {
      const { member } = props
      const name = getDisplayName(member)
      const url = avatarUrlOf(member)
      const color = getUserColor(member.userId)
      const showImage = !failed.value && isSafeImageUrl(url)
      return h(
        'span',
        {
          ...part('avatar'),
          'data-size': props.size,
          'data-status': member.status,
          ...(props.decorative ? { 'aria-hidden': 'true' } : { role: 'img', 'aria-label': name }),
        },
        showImage
          ? h('img', {
              ...part('avatar-image'),
              src: url,
              alt: '',
              onError: () => (failed.value = true),
            })
          : h(
              'span',
              {
                ...part('avatar-initials'),
                'aria-hidden': 'true',
                style: { background: color.background, color: color.foreground },
              },
              getInitials(name),
            ),
      )
    }
  },
})
