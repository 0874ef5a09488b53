import { describe, expect, it } from 'vitest'
import { fnv1a32 } from '../../src/ui/fnv1a.js'
import { getReadableTextColor, getUserColor, USER_COLOR_PALETTE } from '../../src/ui/index.js'

// WCAG 2.x relative luminance and contrast ratio.
function luminance(hex: string): number {
  const value = Number.parseInt(hex.slice(1), 16)
  const channel = (shift: number): number => {
    const srgb = ((value >> shift) & 0xff) / 255
    return srgb <= 0.04045 ? srgb / 12.92 : ((srgb + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0)
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].toSorted((x, y) => y - x) as [number, number]
  return (light + 0.05) / (dark + 0.05)
}

// FNV-1a over explicit bytes, to check the UTF-8 encoding inside fnv1a32.
function hashBytes(bytes: number[]): number {
  return bytes.reduce((hash, byte) => Math.imul(hash ^ byte, 0x01000193) >>> 0, 0x811c9dc5)
}

describe('contrast helper', () => {
  it('matches known WCAG values', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5)
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2)
  })
})

describe('USER_COLOR_PALETTE', () => {
  it('has about a dozen distinct hex colours', () => {
    expect(USER_COLOR_PALETTE.length).toBeGreaterThanOrEqual(10)
    expect(new Set(USER_COLOR_PALETTE.map((color) => color.background)).size).toBe(USER_COLOR_PALETTE.length)
    for (const { background, foreground } of USER_COLOR_PALETTE) {
      expect(background).toMatch(/^#[0-9a-f]{6}$/)
      expect(foreground).toMatch(/^#[0-9a-f]{6}$/)
    }
  })

  it.each(USER_COLOR_PALETTE.map((color) => [color.background, color.foreground]))(
    '%s with %s passes WCAG AA (4.5:1)',
    (background, foreground) => {
      expect(contrast(background, foreground)).toBeGreaterThanOrEqual(4.5)
    },
  )

  it('gives each background the text colour getReadableTextColor picks for it', () => {
    for (const { background, foreground } of USER_COLOR_PALETTE) {
      expect(foreground).toBe(getReadableTextColor(background))
    }
  })

  it('uses white or a near-black foreground', () => {
    for (const { foreground } of USER_COLOR_PALETTE) {
      expect(foreground === '#ffffff' || luminance(foreground) < 0.02).toBe(true)
    }
  })
})

describe('fnv1a32', () => {
  it('matches the reference FNV-1a 32-bit values', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5)
    expect(fnv1a32('a')).toBe(0xe40c292c)
    expect(fnv1a32('foobar')).toBe(0xbf9cf968)
  })

  it('hashes UTF-8 bytes, lone surrogates as U+FFFD', () => {
    expect(fnv1a32('é')).toBe(hashBytes([0xc3, 0xa9]))
    expect(fnv1a32('山')).toBe(hashBytes([0xe5, 0xb1, 0xb1]))
    expect(fnv1a32('😀')).toBe(hashBytes([0xf0, 0x9f, 0x98, 0x80]))
    expect(fnv1a32('\ud800')).toBe(fnv1a32('\ufffd'))
  })
})

describe('getUserColor', () => {
  it('is deterministic and comes from the palette', () => {
    for (const id of ['ada', 'grace', '', '__proto__', 'עדה', '👩🏽‍💻', 'x'.repeat(10_000)]) {
      const color = getUserColor(id)
      expect(getUserColor(id)).toEqual(color)
      expect(USER_COLOR_PALETTE).toContain(color)
    }
  })

  it('picks the palette entry at hash modulo its length', () => {
    expect(getUserColor('ada')).toBe(USER_COLOR_PALETTE[fnv1a32('ada') % USER_COLOR_PALETTE.length])
  })

  it('spreads many ids over the whole palette', () => {
    const used = new Set(Array.from({ length: 500 }, (_, index) => getUserColor(`user-${index}`).background))
    expect(used.size).toBe(USER_COLOR_PALETTE.length)
  })
})
