import {
  connectListSearch,
  createMemberSearch,
  type ListSearchContext,
  type MemberSearch,
  type OnlineListSearchOptions,
} from '@presence-kit/core/ui'
import { useRef, useSyncExternalStore } from 'react'
import { part } from '../shared/anatomy.js'
import { domProps } from '../shared/dom-props.js'
import type { OnlineListSearch } from './online-list.js'

export type { OnlineListSearchOptions }

/**
 * A search box for `OnlineList` (its `search` prop), filtering the list by name, ignoring case and
 * accents, incrementally at 100,000 members. Make it once per list, outside render.
 */
export function createOnlineListSearch(options: OnlineListSearchOptions = {}): OnlineListSearch {
  const search = createMemberSearch(options)
  return Object.assign(search, {
    render: (context: ListSearchContext) => (
      <OnlineListSearchBox search={search} context={context} options={options} />
    ),
  })
}

const unseen = { visibility: 'hidden' } as const

function OnlineListSearchBox({
  search,
  context,
  options,
}: {
  search: MemberSearch
  context: ListSearchContext
  options: OnlineListSearchOptions
}) {
  // The box renders on its own for each keystroke, also when the list's matches stay the same.
  useSyncExternalStore(
    search.subscribe,
    () => search.query,
    () => search.query,
  )
  // The most members the list has shown: the status makes room for that many matches up front.
  const widest = useRef(0)
  const api = connectListSearch(
    search,
    context,
    options.messages,
    options.locale,
    (widest.current = Math.max(widest.current, context.count)),
  )
  // React spells these two its own way; under their DOM names it drops `spellcheck={false}`.
  const { onInput, autocomplete, spellcheck, ...input } = domProps(api.inputProps())
  return (
    <div {...part('online-list-search')}>
      <input
        {...part('online-list-search-input')}
        {...input}
        autoComplete={autocomplete as string}
        spellCheck={spellcheck as boolean}
        onChange={onInput as () => void}
      />
      <span {...part('online-list-search-count')}>
        {/* Unseen inline, so that it does not show without the stylesheet either. */}
        <span {...part('online-list-search-reserve')} aria-hidden="true" style={unseen}>
          {api.reserve}
        </span>
        <span {...part('online-list-search-status')} {...api.statusProps()}>
          {api.status}
        </span>
      </span>
    </div>
  )
}
