import { formatCount } from './count-format.js'
import type { MemberSearch, MemberSearchOptions } from './member-search.js'
import type { KeyInput } from './online-list-controller.js'

/** The words of a list's search box. */
export interface ListSearchMessages {
  /** The input's accessible name. */
  readonly label: string
  readonly placeholder: string
  /** Announced (politely) after each change of the query; `count` is the number of matches. */
  readonly matches: (count: number, formattedCount: string) => string
}

export const DEFAULT_LIST_SEARCH_MESSAGES: ListSearchMessages = {
  label: 'Search members',
  placeholder: 'Search',
  matches: (count, formatted) => (count ? `${formatted} ${count === 1 ? 'match' : 'matches'}` : 'No matches'),
}

/** Options of a framework's `createOnlineListSearch`: the search's and its box's. */
export interface OnlineListSearchOptions extends MemberSearchOptions {
  /** The box's words: its label, placeholder and count of matches. */
  readonly messages?: Partial<ListSearchMessages> | undefined
  /** Locale of the count of matches. @default 'en' */
  readonly locale?: string | undefined
}

/** What the list tells its search box on each render. */
export interface ListSearchContext {
  /** How many members the list shows now. */
  readonly count: number
  /** The id of the listbox the box filters. */
  readonly listId: string
  /** Moves focus into the list, onto its active row (the first when none is). */
  readonly focusList: () => void
}

/** The search box's behaviour for one render, as attributes and handlers with DOM names. */
export interface ListSearchApi {
  /** What the status region says: the count of matches while there is a query, else nothing. */
  readonly status: string
  /**
   * The widest texts the status can show for up to `widestCount` matches, one a line, to lay under
   * the status unseen, so that the status keeps the width of the widest and the input beside it
   * never moves as the count changes while typing.
   */
  readonly reserve: string
  inputProps(): Record<string, unknown>
  /** A polite live region: screen readers hear the count once typing pauses. */
  statusProps(): Record<string, unknown>
}

/**
 * The lines of `reserve`: no match, one, and as many as `widestCount` written with nines, the
 * widest digits where a font's digits differ in width.
 */
function reserveText(words: ListSearchMessages, widestCount: number, locale: string | undefined) {
  const nines = 10 ** String(Math.max(1, Math.floor(widestCount))).length - 1
  return [0, 1, nines].map((count) => words.matches(count, formatCount(count, locale))).join('\n')
}

/**
 * Connects a search box to its search and its list: typing sets the query, Escape clears it,
 * ArrowDown moves into the list, where the list's own keys (arrows, Home, End, paging) take over.
 * `widestCount` is the most matches the box is to make room for: the largest `count` it has been
 * given (the whole list's, before a query narrowed it).
 */
export function connectListSearch(
  search: MemberSearch,
  context: ListSearchContext,
  messages: Partial<ListSearchMessages> = {},
  locale?: string,
  widestCount = context.count,
): ListSearchApi {
  const words = { ...DEFAULT_LIST_SEARCH_MESSAGES, ...messages }
  const onKeydown = (event: KeyInput) => {
    if (event.key === 'Escape' && search.query) {
      // Only a box with a query takes Escape: an empty one leaves it to a dialog around the list.
      event.preventDefault()
      event.stopPropagation()
      search.setQuery('')
    } else if (event.key === 'ArrowDown' && context.count) {
      event.preventDefault()
      context.focusList()
    }
  }
  return {
    status: search.query.trim() && words.matches(context.count, formatCount(context.count, locale)),
    reserve: reserveText(words, Math.max(widestCount, context.count), locale),
    inputProps: () => ({
      type: 'search',
      value: search.query,
      'aria-label': words.label,
      'aria-controls': context.listId,
      placeholder: words.placeholder,
      autocomplete: 'off',
      spellcheck: false,
      onInput: (event: { readonly currentTarget: { readonly value: string } }) =>
        search.setQuery(event.currentTarget.value),
      onKeydown,
    }),
    statusProps: () => ({ role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' }),
  }
}
