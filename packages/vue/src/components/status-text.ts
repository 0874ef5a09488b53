import type { Member } from '@presence-kit/core'
import { getStatusText, sharedClock, type StatusMessages } from '@presence-kit/core/ui'
import { computed, defineComponent, h, onMounted, onUnmounted, shallowRef, type PropType } from 'vue'
import { part, visuallyHidden } from './anatomy.js'

/**
 * "Active", "Idle · 12 min", "left 2 min ago", kept current by the page's one shared clock. The
 * text is a computed value, so a tick that leaves it unchanged renders nothing.
 */
export const StatusText = defineComponent({
  name: 'StatusText',
  props: {
    member: { type: Object as PropType<Member>, required: true },
    messages: Object as PropType<Partial<StatusMessages> | undefined>,
    locale: String as PropType<string | undefined>,
  },
  setup(props) {
    const now = shallowRef(sharedClock.now())
    let stop: (() => void) | undefined
    // Mounted only: a server render starts no timer.
    onMounted(() => (stop = sharedClock.subscribe(() => (now.value = sharedClock.now()))))
    onUnmounted(() => stop?.())
    const text = computed(() => getStatusText(props.member, now.value, props.messages, props.locale))
    // Read as one text node after the name ("Ada, Idle · 12 min"): a separate comma would be trimmed.
    return () => [
      h('span', { ...part('status-text'), 'aria-hidden': 'true' }, text.value),
      h('span', { style: visuallyHidden }, `, ${text.value}`),
    ]
  },
})
