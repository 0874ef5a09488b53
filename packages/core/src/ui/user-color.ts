import { fnv1a32 } from './fnv1a.js'

/** An avatar's colours: `foreground` is readable on `background` (WCAG AA, contrast ≥ 4.5:1). */
export interface UserColor {
  readonly background: string
  readonly foreground: string
}

// In hue order, each dark enough for white text at 4.8:1 or more, which leaves room for
// anti-aliased small text; so initials are white on every colour, as people expect of avatars.
const BACKGROUNDS = [
  '#c03c30',
  '#9c661b',
  '#6f7715',
  '#428017',
  '#188421',
  '#178256',
  '#187d86',
  '#306cc0',
  '#6258d5',
  '#9543d0',
  '#b82eac',
  '#c4316e',
]

/**
 * The colours `getUserColor` picks from: white text on each background. Written out rather than
 * computed on load, so pages do not ship the contrast maths; a test checks that each text colour is
 * `getReadableTextColor` of its background, so a colour added that needs dark text fails there.
 * Marked pure: a bundler cannot tell by itself that mapping and freezing touch nothing else, and
 * would keep the palette in apps that import no avatar.
 */
export const USER_COLOR_PALETTE: readonly UserColor[] = /* @__PURE__ */ Object.freeze(
  /* @__PURE__ */ BACKGROUNDS.map((background) => ({ background, foreground: '#ffffff' })),
)

/**
 * A colour pair for a user's avatar, the same on every client, server and page load for one user id
 * (FNV-1a of the id's UTF-8 bytes, modulo the palette).
 */
export function getUserColor(userId: string): UserColor {
  const index = fnv1a32(String(userId)) % USER_COLOR_PALETTE.length
  // The modulo keeps the index in range.
  return USER_COLOR_PALETTE[index]!
}
