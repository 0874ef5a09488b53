import type { TypingMessages } from '@presence-kit/core/ui'
import { defineComponent, h, type PropType } from 'vue'
import { useRoomHandle } from '../composables/room-handle.js'
import { useTypingSentence } from '../composables/use-typing.js'
import { flag, part } from './anatomy.js'
import { useRoomProp } from './room-prop.js'

/**
 * "Ada and Grace are typing…" in a polite live region that is always there (empty when nobody
 * types), so screen readers announce each change; the animated dots are decoration, hidden from
 * screen readers and still under `prefers-reduced-motion`.
 */
export const TypingIndicator = defineComponent({
  name: 'TypingIndicator',
  props: {
    /** The room whose typers the sentence names. */
    room: { type: String, required: true },
    /**
     * Locale of the name list ("Ada, Grace and Linus"); set it with `messages` for another language.
     * @default 'en-GB'
     */
    locale: String,
    /** Names written out before "and N others". @default 3 */
    maxNames: Number,
    /** Wording of the sentence, for other languages. */
    messages: Object as PropType<Partial<TypingMessages>>,
  },
  setup(props) {
    const room = useRoomProp(() => props.room, process.env.NODE_ENV !== 'production' ? 'TypingIndicator' : '')
    const { sentence } = useTypingSentence(useRoomHandle(room), () => ({
      locale: props.locale,
      maxNames: props.maxNames,
      messages: props.messages,
    }))
    return () => {
      if (room.value === undefined) return null
      const typing = sentence.value !== ''
      return h('div', { ...part('typing-indicator'), 'data-active': flag(typing) }, [
        h('span', { ...part('typing-dots'), 'aria-hidden': 'true', hidden: !typing }, [
          h('span'),
          h('span'),
          h('span'),
        ]),
        h('span', { role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' }, sentence.value),
      ])
    }
  },
})
