import { afterEach, describe, expect, it } from 'vitest'
import { getInitials } from '../../src/ui/index.js'

const originalSegmenter = Intl.Segmenter

function removeSegmenter(): void {
  Object.defineProperty(Intl, 'Segmenter', { value: undefined, configurable: true, writable: true })
}

afterEach(() => {
  Object.defineProperty(Intl, 'Segmenter', { value: originalSegmenter, configurable: true, writable: true })
})

describe('getInitials', () => {
  it('takes the first letters of the first and last words', () => {
    expect(getInitials('Ada Lovelace')).toBe('AL')
    expect(getInitials('grace brewster murray hopper')).toBe('GH')
    expect(getInitials('linus')).toBe('L')
    expect(getInitials('  ada   lovelace  ')).toBe('AL')
  })

  it('returns an empty string for empty or blank names', () => {
    expect(getInitials('')).toBe('')
    expect(getInitials(' \t\n ')).toBe('')
    expect(getInitials('— …')).toBe('')
  })

  it('skips leading punctuation', () => {
    expect(getInitials('(Ada) "Lovelace"')).toBe('AL')
  })

  it('upper-cases with the locale', () => {
    expect(getInitials('ilhan ibrahim', 'tr')).toBe('İİ')
    expect(getInitials('ilhan ibrahim', 'en')).toBe('II')
    expect(getInitials('ada lovelace', 'not a locale!')).toBe('AL')
  })

  it('keeps graphemes whole: emoji, flags, combining marks', () => {
    expect(getInitials('👩🏽‍💻 Coder')).toBe('👩🏽‍💻C')
    expect(getInitials('🇫🇷 Paris')).toBe('🇫🇷P')
    expect(getInitials('e\u0301mile zola')).toBe('E\u0301Z')
  })

  it('handles CJK and RTL names', () => {
    expect(getInitials('山田 太郎')).toBe('山太')
    expect(getInitials('毛泽东')).toBe('毛')
    expect(getInitials('עדה לאבלייס')).toBe('על')
    expect(getInitials('محمد علي')).toBe('مع')
  })

  it('handles very long names', () => {
    expect(getInitials(`${'a'.repeat(50_000)} ${'b'.repeat(50_000)}`)).toBe('AB')
  })

  it('falls back to code points with their combining marks without Intl.Segmenter', () => {
    removeSegmenter()
    expect(typeof Intl.Segmenter).toBe('undefined')
    expect(getInitials('e\u0301mile zola')).toBe('E\u0301Z')
    expect(getInitials('𝒜da 𝒢race')).toBe('𝒜𝒢')
    expect(getInitials('Ada')).toBe('A')
    expect(getInitials('')).toBe('')
  })
})
