import { formatChipCount, formatCount } from './count-format.js'
import { normalizeCount } from './normalize-count.js'

/** The default number of avatars an avatar stack shows before its "+N" chip. */
export const DEFAULT_AVATAR_STACK_MAX = 5

/** Options of `getAvatarStack`. */
export interface AvatarStackOptions<M> {
  /** The members to show, in display order (sort them first, e.g. with `sortMembers`). */
  readonly members: readonly M[]
  /**
   * How many avatars to show. The "+N" chip comes in addition, it does not take one of these slots.
   * Not a finite number: the default; fractional: rounded down; negative: 0.
   * @default 5
   */
  readonly max?: number | undefined
  /**
   * The whole roster's size when it is counted elsewhere (e.g. a server count larger than the members
   * loaded). Smaller than `members.length` or not a finite number: `members.length`.
   * @default members.length
   */
  readonly total?: number | undefined
  /**
   * BCP 47 locale of the "+N" label, which turns compact from 1,000 on ("+1.2K" in English) so it
   * fits its circle.
   * @default 'en'
   */
  readonly locale?: string | undefined
}

/** What an avatar stack renders. */
export interface AvatarStack<M> {
  /** The members whose avatars are shown. */
  readonly visible: readonly M[]
  /** The loaded members behind the "+N" chip (may be fewer than `overflowCount` when `total` is set). */
  readonly hidden: readonly M[]
  /** N of the "+N" chip: everyone counted but not shown. Never negative. */
  readonly overflowCount: number
  /** `+N` (compact from 1,000 on: `+1.2K`), or '' when nobody is hidden (render no chip). */
  readonly overflowLabel: string
  /**
   * For the end of the hidden members' list: `+N` (digits grouped) for the hidden ones counted but
   * not among `members`, or '' when every hidden member is listed.
   */
  readonly unlistedLabel: string
  /** Everyone counted: `total`, or the number of members. */
  readonly total: number
}

/**
 * Splits members into shown avatars and the "+N" overflow.
 *
 * Counting convention: the first `max` members are shown as avatars and the "+N" chip is drawn in
 * addition, so a stack can be up to `max + 1` circles wide. N = total − shown avatars, where total
 * is `options.total` (at least the number of members) or the number of members.
 *
 * @example getAvatarStack({ members: eightMembers, max: 5 }) // 5 visible, overflowLabel '+3'
 */
export function getAvatarStack<M>(options: AvatarStackOptions<M>): AvatarStack<M> {
  const members = options.members
  const max = normalizeCount(options.max, DEFAULT_AVATAR_STACK_MAX)
  const total = Math.max(members.length, normalizeCount(options.total, members.length))
  const visible = members.slice(0, max)
  const overflowCount = Math.max(0, total - visible.length)
  const hidden = members.slice(visible.length)
  const unlisted = overflowCount - hidden.length
  return {
    visible,
    hidden,
    overflowCount,
    overflowLabel: overflowCount > 0 ? `+${formatChipCount(overflowCount, options.locale)}` : '',
    unlistedLabel: unlisted > 0 ? `+${formatCount(unlisted, options.locale)}` : '',
    total,
  }
}
