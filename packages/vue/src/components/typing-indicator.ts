import type { TypingMessages } from '@presence-kit/core/ui'
import { defineComponent, h, type PropType } from 'vue'
import { useTyping } from '../composables/use-typing.js'
import { part } from './anatomy.js'
import { useRoomProp } from './room-prop.js'

/**
 * Who is typing, as a sentence in a polite live region that is always there (empty when nobody
 * types), so screen readers announce each change; the animated dots are hidden from them and stop
 * for `prefers-reduced-motion`.
 */
export const TypingIndicator = defineComponent({
  name: 'TypingIndicator',
  props: {
    room: { type: String, required: true },
    locale: { type: String, default: undefined },
    maxNames: { type: Number, default: undefined },
    messages: { type: Object as PropType<Partial<TypingMessages>>, default: undefined },
  },
  setup(props) {
    const room = useRoomProp(() => props.room, 'TypingIndicator')
    const { sentence } = useTyping(room, () => ({
      locale: props.locale,
      maxNames: props.maxNames,
      messages: props.messages,
    }))
    return () => {
      const typing = sentence.value !== ''
      return h('div', { ...part('typing-indicator'), 'data-typing': typing ? '' : undefined }, [
        h('span', { ...part('typing-dots'), 'aria-hidden': 'true', hidden: !typing }, [
          h('span'),
          h('span'),
          h('span'),
        ]),
        h('span', { role: 'status', 'aria-live': 'polite' }, sentence.value),
      ])
    }
  },
})
