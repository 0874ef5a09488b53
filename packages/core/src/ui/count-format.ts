import { cached } from './cached.js'

// One compact formatter per locale: a "+N" chip is rebuilt on every roster commit.
const compactFormatters = new Map<string, Intl.NumberFormat | null>()

function compactFormatter(locale: string): Intl.NumberFormat | null {
  return cached(compactFormatters, locale, () => {
    try {
      return new Intl.NumberFormat(locale, { notation: 'compact', maximumSignificantDigits: 2 })
    } catch {
      return null
    }
  })
}

/** A count with the locale's digit grouping ("12,345" in English); plain digits for a bad locale. */
export function formatCount(count: number, locale = 'en'): string {
  try {
    return count.toLocaleString(locale)
  } catch {
    return String(count)
  }
}

/**
 * A count short enough for a small chip: as is below 1,000, then compact to two significant
 * digits ("1.2K", "12K", "120K", "3.4M" in English: at most four characters), so a "+N" keeps to
 * its circle. Read the full count out in a label.
 */
export function formatChipCount(count: number, locale = 'en'): string {
  if (count < 1_000) return String(count)
  const parts = compactFormatter(locale)?.formatToParts(count) ?? []
  // Rounded to two digits only where the locale abbreviates this size (German writes thousands
  // out in full): "12.000" for 12,345 would misstate the count.
  return parts.some((part) => part.type === 'compact')
    ? parts.map((part) => part.value).join('')
    : formatCount(count, locale)
}
