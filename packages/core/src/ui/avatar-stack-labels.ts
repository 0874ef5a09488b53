import { functionOr } from './function-or.js'
import { formatCount } from './count-format.js'
import { normalizeCount } from './normalize-count.js'

/** Wording of an avatar stack's accessible labels; override for other languages. */
export interface AvatarStackMessages {
  /** The stack's group label, e.g. "3 people online". */
  group(count: number): string
  /** The "+N" button's label, e.g. "Show 4 more people". */
  showMore(hiddenCount: number): string
}

const englishMessages: AvatarStackMessages = {
  group: (count) => `${formatCount(count)} ${count === 1 ? 'person' : 'people'} online`,
  showMore: (hiddenCount) =>
    `Show ${formatCount(hiddenCount)} more ${hiddenCount === 1 ? 'person' : 'people'}`,
}

/** Accessible labels of an avatar stack. */
export interface AvatarStackLabels {
  /** For the stack's `role="group"` `aria-label`. */
  readonly groupLabel: string
  /** For the "+N" button's `aria-label`; '' when nobody is hidden (there is no button). */
  readonly overflowButtonLabel: string
}

/**
 * The labels a screen reader hears for an avatar stack: the visible "+4" means little read aloud.
 *
 * @param count - everyone in the stack (`AvatarStack.total`)
 * @param hiddenCount - the "+N" count (`AvatarStack.overflowCount`)
 * @param messages - wording overrides
 * @param chipText - the chip's visible text (`AvatarStack.overflowLabel`). When it is compact
 *   ("+12K"), the button's label starts with it, so that the visible label is part of the
 *   accessible name (WCAG 2.5.3) and speech input can say what it sees.
 * @default messages English ("3 people online", "Show 4 more people")
 */
export function getAvatarStackLabels(
  count: number,
  hiddenCount: number,
  messages: Partial<AvatarStackMessages> = {},
  chipText?: string,
): AvatarStackLabels {
  const group = functionOr(messages?.group, englishMessages.group)
  const showMore = functionOr(messages?.showMore, englishMessages.showMore)
  const safeHidden = normalizeCount(hiddenCount, 0)
  const more = safeHidden > 0 ? showMore(safeHidden) : ''
  const compact = more !== '' && chipText !== undefined && chipText !== `+${safeHidden}`
  return {
    groupLabel: group(normalizeCount(count, 0)),
    overflowButtonLabel: compact ? `${chipText}. ${more}` : more,
  }
}
