/**
 * Up to two initials for an avatar: the first character of the first and of the last word, upper-cased
 * for `locale` (Turkish `i` becomes `İ`). Characters are graphemes, so an emoji, a letter with
 * combining marks or a flag stays whole. Returns '' for a blank name.
 *
 * @param locale - BCP 47 tag for upper-casing; an invalid tag falls back to the default casing
 * @param max - 1 for one initial (small avatars), 2 for first and last
 * @default locale undefined (the runtime's casing rules)
 */
export function getInitials(name: string, locale?: string, max: 1 | 2 = 2): string {
  const words = String(name)
    .split(/\s+/u)
    .map(stripLeadingPunctuation)
    .filter((word) => word !== '')
  const first = words[0]
  if (first === undefined) return ''
  const last = words.length > 1 && max > 1 ? words[words.length - 1] : undefined
  const letters = firstGrapheme(first) + (last === undefined ? '' : firstGrapheme(last))
  return upperCase(letters, locale)
}

// "(Ada)" or "'Grace'" should give "A" and "G", not a bracket or a quote.
function stripLeadingPunctuation(word: string): string {
  return word.replace(/^\p{P}+/u, '')
}

let graphemeSegmenter: Intl.Segmenter | undefined

function firstGrapheme(word: string): string {
  // Checked on every call rather than once, so runtimes without Segmenter still work after a polyfill.
  if (typeof Intl.Segmenter !== 'function') return firstCodePointWithMarks(word)
  // Grapheme boundaries do not depend on the locale, so one segmenter serves every caller.
  graphemeSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' })
  for (const { segment } of graphemeSegmenter.segment(word)) return segment
  return ''
}

// Without Segmenter, keep at least the combining marks with their base letter ("é" written as e + ◌́).
function firstCodePointWithMarks(word: string): string {
  return /^.\p{M}*/su.exec(word)?.[0] ?? ''
}

function upperCase(text: string, locale: string | undefined): string {
  try {
    return text.toLocaleUpperCase(locale)
  } catch {
    // An invalid locale tag from user settings should cost the casing rules, not the avatar.
    return text.toUpperCase()
  }
}

/**
 * The initials an avatar of `size` shows: one letter on the small size, where two do not fit at a
 * readable weight, else up to two.
 */
export function getAvatarInitials(name: string, size: string, locale?: string): string {
  return getInitials(name, locale, size === 'sm' ? 1 : 2)
}
