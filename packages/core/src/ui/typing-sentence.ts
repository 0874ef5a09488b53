import { functionOr } from './function-or.js'
import { getDisplayName, type NameableMember } from './display-name.js'
import { formatConjunction } from './list-format.js'
import { normalizeCount } from './normalize-count.js'

/** Wording of the typing sentence; override any of it for another language. */
export interface TypingMessages {
  /** One person typing: `list` is their name. */
  single(list: string): string
  /** Several people typing: `list` is the formatted list, e.g. "Ada and Grace". */
  plural(list: string): string
  /** The last list item when names are left out: "3 others". */
  others(count: number): string
}

const englishMessages: TypingMessages = {
  single: (list) => `${list} is typing…`,
  plural: (list) => `${list} are typing…`,
  others: (count) => `${count} ${count === 1 ? 'other' : 'others'}`,
}

/** The default number of names a typing sentence lists before it switches to "and N others". */
export const DEFAULT_TYPING_MAX_NAMES = 3

/**
 * The default locale of the name list. Fixed rather than the runtime's so that the list matches the
 * English default messages and a server-rendered sentence is the same one the browser renders.
 */
export const DEFAULT_TYPING_LOCALE = 'en-GB'

/** Options of `formatTypingSentence`. */
export interface TypingSentenceOptions {
  /**
   * BCP 47 locale of the name list's `Intl.ListFormat`. Set it together with `messages`.
   * @default 'en-GB' ("Ada, Grace and Linus", no serial comma)
   */
  readonly locale?: string | undefined
  /**
   * Up to this many names are all listed; with more typers, the first `maxNames − 1` are listed
   * followed by a count ("Ada, Grace and 3 others"). Values below 1 count as 1.
   * @default 3
   */
  readonly maxNames?: number | undefined
  /**
   * Wording overrides.
   * @default English: "Ada is typing…", "Ada and Grace are typing…", "3 others"
   */
  readonly messages?: Partial<TypingMessages> | undefined
}

/**
 * The sentence of a typing indicator: '' when nobody types, "Ada is typing…", "Ada and Grace are
 * typing…", "Ada, Grace and Linus are typing…", then "Ada, Grace and 3 others are typing…".
 * Blank names are skipped.
 */
export function formatTypingSentence(names: readonly string[], options: TypingSentenceOptions = {}): string {
  const typers = names.filter((name) => typeof name === 'string' && name.trim() !== '')
  if (typers.length === 0) return ''
  const messages = withDefaults(options.messages)
  const locale = options.locale ?? DEFAULT_TYPING_LOCALE
  const maxNames = Math.max(1, normalizeCount(options.maxNames, DEFAULT_TYPING_MAX_NAMES))

  if (typers.length === 1) return messages.single(typers[0] ?? '')
  if (typers.length <= maxNames) return messages.plural(formatConjunction(typers, locale))
  const listed = typers.slice(0, Math.max(1, maxNames - 1))
  const items = [...listed, messages.others(typers.length - listed.length)]
  return messages.plural(formatConjunction(items, locale))
}

/**
 * `formatTypingSentence` for members, named with `getDisplayName`. Members flagged `isSelf` are left
 * out: nobody needs to be told that they are typing.
 */
export function getTypingSentence(
  members: readonly (NameableMember & { readonly isSelf?: boolean })[],
  options: TypingSentenceOptions = {},
): string {
  const names = members.filter((member) => member.isSelf !== true).map((member) => getDisplayName(member))
  return formatTypingSentence(names, options)
}

// Field by field, so that `{ single: undefined }` from a framework prop keeps the default wording.
function withDefaults(messages: Partial<TypingMessages> | undefined): TypingMessages {
  return {
    single: functionOr(messages?.single, englishMessages.single),
    plural: functionOr(messages?.plural, englishMessages.plural),
    others: functionOr(messages?.others, englishMessages.others),
  }
}
