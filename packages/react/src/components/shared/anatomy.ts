import type { CSSProperties } from 'react'

/** The attributes every element of a presence component carries (see the stylesheet). */
export function part(name: string) {
  return { 'data-scope': 'presence', 'data-part': name } as const
}

/** `''` for a present boolean data attribute, `undefined` to leave it out. */
export function flag(on: boolean): '' | undefined {
  return on ? '' : undefined
}

/**
 * Hidden on screen, read by screen readers. Inline rather than in the stylesheet, so labels stay
 * hidden when the stylesheet is not loaded.
 */
export const visuallyHidden: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0, 0, 0, 0)',
  whiteSpace: 'nowrap',
  border: 0,
}
