// A separate entry, so that apps without a search box pay nothing for it.
export {
  createOnlineListSearch,
  type OnlineListSearchOptions,
} from './components/online-list/online-list-search.js'
export type { OnlineListSearch } from './components/online-list/online-list.js'
export { foldSearchText, type ListSearchMessages, type MemberSearch } from '@presence-kit/core/ui'
