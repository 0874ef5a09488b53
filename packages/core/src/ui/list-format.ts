import { cached } from './cached.js'

// One formatter per locale: building an Intl.ListFormat costs far more than using one, and typing
// sentences are rebuilt on every keystroke signal.
const formatters = new Map<string, Intl.ListFormat | null>()

/**
 * Joins items as a conjunction in `locale` ("a, b and c" in British English), with
 * `Intl.ListFormat` when the runtime has it and a plain English join otherwise. An invalid locale
 * also falls back to the plain join instead of throwing.
 */
export function formatConjunction(items: readonly string[], locale: string): string {
  const formatter = getFormatter(locale)
  if (formatter !== null) return formatter.format(items)
  return joinPlainEnglish(items)
}

function getFormatter(locale: string): Intl.ListFormat | null {
  // Checked before the cache so a runtime without ListFormat (or a test removing it) is respected.
  return typeof Intl.ListFormat === 'function' ? cached(formatters, locale, createFormatter) : null
}

function createFormatter(locale: string): Intl.ListFormat | null {
  try {
    return new Intl.ListFormat(locale, { type: 'conjunction', style: 'long' })
  } catch {
    return null
  }
}

function joinPlainEnglish(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? ''
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
}
