import {
  connectListSearch,
  createMemberSearch,
  type ListSearchContext,
  type MemberSearch,
  type OnlineListSearchOptions,
} from '@presence-kit/core/ui'
import { defineComponent, h, onScopeDispose, shallowRef, type PropType } from 'vue'
import { startInBrowser } from '../composables/lifecycle.js'
import { part } from './anatomy.js'
import type { OnlineListSearch } from './online-list.js'

export type { OnlineListSearchOptions }

/**
 * A search box for `OnlineList` (its `search` prop), filtering the list by name, ignoring case and
 * accents, incrementally at 100,000 members. Make it once per list, outside render.
 */
export function createOnlineListSearch(options: OnlineListSearchOptions = {}): OnlineListSearch {
  const search = createMemberSearch(options)
  return Object.assign(search, {
    render: (context: ListSearchContext) => h(OnlineListSearchBox, { search, context, options }),
  })
}

const unseen = { visibility: 'hidden' } as const

const OnlineListSearchBox = defineComponent({
  name: 'OnlineListSearchBox',
  props: {
    search: { type: Object as PropType<MemberSearch>, required: true },
    context: { type: Object as PropType<ListSearchContext>, required: true },
    options: { type: Object as PropType<OnlineListSearchOptions>, required: true },
  },
  setup(props) {
    // The box renders on its own for each keystroke, also when the list's matches stay the same.
    const query = shallowRef(props.search.query)
    startInBrowser(() => onScopeDispose(props.search.subscribe(() => (query.value = props.search.query))))
    // The most members the list has shown: the status makes room for that many matches up front.
    let widest = 0
    return () => {
      void query.value
      const { search, context, options } = props
      widest = Math.max(widest, context.count)
      const api = connectListSearch(search, context, options.messages, options.locale, widest)
      return h('div', part('online-list-search'), [
        h('input', { ...part('online-list-search-input'), ...api.inputProps() }),
        h('span', part('online-list-search-count'), [
          // Unseen inline, so that it does not show without the stylesheet either.
          h(
            'span',
            { ...part('online-list-search-reserve'), 'aria-hidden': 'true', style: unseen },
            api.reserve,
          ),
          h('span', { ...part('online-list-search-status'), ...api.statusProps() }, api.status),
        ]),
      ])
    }
  },
})
