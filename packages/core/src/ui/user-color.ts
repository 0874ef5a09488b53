import { fnv1a32 } from './fnv1a.js'

/** An avatar's colours: `foreground` is readable on `background` (WCAG AA, contrast ≥ 4.5:1). */
export interface UserColor {
  readonly background: string
  readonly foreground: string
}

const WHITE = '#ffffff'
const NEAR_BLACK = '#161616'

/**
 * The colours `getUserColor` picks from, in hue order. Light backgrounds carry near-black text and
 * dark ones white text; every pair is at least 5.2:1, which leaves room for anti-aliased small text.
 */
export const USER_COLOR_PALETTE: readonly UserColor[] = Object.freeze([
  { background: '#c03c30', foreground: WHITE },
  { background: '#c38022', foreground: NEAR_BLACK },
  { background: '#a2ad1f', foreground: NEAR_BLACK },
  { background: '#5aad1f', foreground: NEAR_BLACK },
  { background: '#1fad2b', foreground: NEAR_BLACK },
  { background: '#1fad72', foreground: NEAR_BLACK },
  { background: '#1fa1ad', foreground: NEAR_BLACK },
  { background: '#306cc0', foreground: WHITE },
  { background: '#6258d5', foreground: WHITE },
  { background: '#9543d0', foreground: WHITE },
  { background: '#b82eac', foreground: WHITE },
  { background: '#c4316e', foreground: WHITE },
])

/**
 * A colour pair for a user's avatar, the same on every client, server and page load for one user id
 * (FNV-1a of the id's UTF-8 bytes, modulo the palette).
 */
export function getUserColor(userId: string): UserColor {
  const index = fnv1a32(String(userId)) % USER_COLOR_PALETTE.length
  // The modulo keeps the index in range.
  return USER_COLOR_PALETTE[index]!
}
