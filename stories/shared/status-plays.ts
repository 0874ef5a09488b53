// Checks of how status and initials are drawn, made on the laid-out page in Chromium: the shapes
// the stylesheet gives each status, where the initials' glyphs land, and the contrast of the
// colours the avatars are painted with.
import { getContrastRatio, USER_COLOR_PALETTE } from '@presence-kit/core/ui'
import { expect, waitFor } from 'storybook/test'
import { parts, SLOW, type Play } from './play-dom.ts'

// A badge's drawing with its colours taken out: what is left is its shape.
function badgeShape(badge: HTMLElement): string {
  const style = getComputedStyle(badge, '::before')
  return [
    style.backgroundImage,
    style.boxShadow,
    style.backgroundSize,
    style.backgroundColor === 'rgba(0, 0, 0, 0)',
  ]
    .join(' ')
    .replace(/rgba?\([^)]*\)/g, 'C')
}

/**
 * Each status in `statuses` is drawn with a badge shape of its own (WCAG 1.4.1: not colour alone),
 * and every avatar or row that shows one is read with its status.
 */
export function expectStatusShapes(statuses: readonly string[]): Play {
  return async ({ canvasElement }) => {
    await waitFor(() => {
      const shapes = new Map<string, string>()
      for (const badge of parts(canvasElement, 'avatar-badge')) {
        shapes.set(badge.getAttribute('data-status')!, badgeShape(badge))
      }
      expect([...shapes.keys()].toSorted()).toEqual([...statuses].toSorted())
      expect(new Set(shapes.values()).size).toBe(statuses.length)
    }, SLOW)
    const words: Record<string, string> = { active: 'Active', idle: 'Idle', away: 'Away', offline: 'Offline' }
    for (const avatar of parts(canvasElement, 'avatar')) {
      const status = avatar.getAttribute('data-status')!
      const named = avatar.closest('[role="option"], li') ?? avatar
      const name = named === avatar ? avatar.getAttribute('aria-label') : named.textContent
      expect(name, 'an avatar or its row says the status').toContain(words[status])
    }
  }
}

/**
 * The initials' glyphs lie inside their avatar's box at every size, and in a stack inside the part
 * of it that the avatar drawn over it leaves showing.
 */
export const expectInitialsInside: Play = async ({ canvasElement }) => {
  const all = await waitFor(() => {
    const found = parts(canvasElement, 'avatar-initials')
    expect(found.length).toBeGreaterThan(0)
    return found
  }, SLOW)
  for (const initials of all) {
    const avatar = initials.parentElement!
    const box = avatar.getBoundingClientRect()
    const range = document.createRange()
    range.selectNodeContents(initials)
    const text = range.getBoundingClientRect()
    const where = `${initials.textContent} at ${box.width}px`
    expect(text.width, where).toBeGreaterThan(0)
    expect(text.left, where).toBeGreaterThanOrEqual(box.left - 0.5)
    expect(text.right, where).toBeLessThanOrEqual(box.right + 0.5)
    expect(text.top, where).toBeGreaterThanOrEqual(box.top - 0.5)
    expect(text.bottom, where).toBeLessThanOrEqual(box.bottom + 0.5)
    const stack = avatar.parentElement
    if (stack?.getAttribute('data-part') !== 'avatar-stack') continue
    const firstOnTop = stack.getAttribute('data-order') !== 'last-on-top'
    const cover = firstOnTop ? avatar.previousElementSibling : avatar.nextElementSibling
    if (cover?.getAttribute('data-part') !== 'avatar') continue
    const covering = cover.getBoundingClientRect()
    const rtl = getComputedStyle(stack).direction === 'rtl'
    // The covering avatar sits at this one's inline start (first on top) or end.
    const coversLeft = firstOnTop !== rtl
    if (coversLeft) expect(text.left, `${where}, overlapped`).toBeGreaterThanOrEqual(covering.right - 0.5)
    else expect(text.right, `${where}, overlapped`).toBeLessThanOrEqual(covering.left + 0.5)
  }
}

function hex(rgb: string): string {
  const [r, g, b] = rgb.match(/\d+/g)!.map(Number)
  return `#${[r, g, b].map((value) => value!.toString(16).padStart(2, '0')).join('')}`
}

/** Every colour of the palette, and every avatar painted on the page, reads at 4.5:1 or more. */
export const expectInitialsContrast: Play = async ({ canvasElement }) => {
  for (const { background, foreground } of USER_COLOR_PALETTE) {
    expect(getContrastRatio(background, foreground), background).toBeGreaterThanOrEqual(4.5)
  }
  for (const initials of parts(canvasElement, 'avatar-initials')) {
    const style = getComputedStyle(initials)
    const ratio = getContrastRatio(hex(style.backgroundColor), hex(style.color))
    expect(ratio, initials.textContent ?? '').toBeGreaterThanOrEqual(4.5)
  }
}
