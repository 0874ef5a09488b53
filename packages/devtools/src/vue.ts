import type { PresenceClient } from '@presence-kit/core'
import { defineComponent, h, onBeforeUnmount, onMounted, ref, watch, type PropType } from 'vue'
import type { LinkControl } from './link-control.js'
import {
  mountPresenceDevtools,
  type DevtoolsTheme,
  type DevtoolsView,
  type PresenceDevtoolsHandle,
} from './mount.js'

/**
 * The presence devtools as a Vue component: mounted in `onMounted` (never on a server), remounted
 * when the client, theme or placement changes, unmounted with the component. Emits `close`.
 */
export const PresenceDevtools = defineComponent({
  name: 'PresenceDevtools',
  props: {
    /** The client to inspect. */
    client: { type: Object as PropType<PresenceClient>, required: true },
    /** `auto` follows `prefers-color-scheme`. */
    theme: { type: String as PropType<DevtoolsTheme>, default: 'auto' },
    /** `inline`: in this component's box; `overlay`: over the page's bottom right corner. */
    placement: { type: String as PropType<'overlay' | 'inline'>, default: 'overlay' },
    /** The room chosen first. */
    room: { type: String, default: undefined },
    /** The view shown first. */
    view: { type: String as PropType<DevtoolsView>, default: undefined },
    /** How to drop and restore the link, for adapters that expose none. */
    link: { type: Object as PropType<LinkControl>, default: undefined },
    /** Timeline lines kept. */
    maxRecords: { type: Number, default: undefined },
  },
  emits: ['close'],
  setup(props, { emit }) {
    const box = ref<HTMLElement>()
    let handle: PresenceDevtoolsHandle | undefined
    const mount = () => {
      handle?.unmount()
      handle = mountPresenceDevtools(props.client, {
        theme: props.theme,
        ...(props.placement === 'inline' && box.value !== undefined ? { target: box.value } : {}),
        ...(props.room === undefined ? {} : { room: props.room }),
        ...(props.view === undefined ? {} : { view: props.view }),
        ...(props.link === undefined ? {} : { link: props.link }),
        ...(props.maxRecords === undefined ? {} : { maxRecords: props.maxRecords }),
        onClose: () => emit('close'),
      })
    }
    onMounted(mount)
    watch(() => [props.client, props.theme, props.placement], mount)
    onBeforeUnmount(() => {
      handle?.unmount()
      handle = undefined
    })
    return () =>
      h('div', {
        ref: box,
        'data-presence-devtools-root': '',
        style: props.placement === 'inline' ? { height: '100%' } : { display: 'contents' },
      })
  },
})
