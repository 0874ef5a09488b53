// Plays of the very-long-name stories: what each component does with a name wider than its room,
// and that assistive technology still gets the whole name.
import { expect, waitFor, within } from 'storybook/test'
import { findPart, SLOW, type Play } from './play-dom.ts'

/**
 * List rows cut a long name at the row's end with an ellipsis, on one line, while the option is
 * still named in full (the name is in its text; only its box is clipped).
 */
export function expectNamesEllipsised(names: readonly string[]): Play {
  return async ({ canvasElement }) => {
    const listbox = await within(canvasElement).findByRole('listbox', {}, SLOW)
    for (const name of names) {
      const option = await within(listbox).findByRole(
        'option',
        { name: (accessibleName) => accessibleName.startsWith(name) },
        SLOW,
      )
      const shown = option.querySelector<HTMLElement>('[data-presence-name]')
      expect(shown).toHaveTextContent(name)
      const style = getComputedStyle(shown as HTMLElement)
      expect(style.textOverflow).toBe('ellipsis')
      expect(style.whiteSpace).toBe('nowrap')
      expect(style.overflowX).toBe('hidden')
      await waitFor(() => {
        // Clipped: more text than box, and the box ends inside the row.
        expect(shown?.scrollWidth).toBeGreaterThan(shown?.clientWidth ?? Infinity)
        expect(shown?.getBoundingClientRect().right).toBeLessThanOrEqual(option.getBoundingClientRect().right)
      })
    }
  }
}

/**
 * Avatars show a picture or initials in a circle of their size whatever the name, and are named in
 * full for screen readers (`role="img"` with the name as its label).
 */
export function expectAvatarsNamedInFull(names: readonly string[]): Play {
  return async ({ canvasElement }) => {
    const stack = await findPart(canvasElement, 'avatar-stack')
    for (const name of names) {
      // Named "name, status": the whole name, then the status.
      const avatar = await within(stack).findByRole(
        'img',
        { name: (label) => label.startsWith(`${name}, `) },
        SLOW,
      )
      const box = avatar.getBoundingClientRect()
      expect(box.height).toBeCloseTo(box.width, 1)
      expect(box.width).toBeLessThanOrEqual(64)
    }
  }
}

/** How many lines an element's text is laid out on. */
function lineCount(element: HTMLElement): number {
  const range = document.createRange()
  range.selectNodeContents(element)
  return new Set([...range.getClientRects()].map((box) => Math.round(box.top))).size
}

/** Where an element's laid-out text ends on the right. */
function textRight(element: HTMLElement): number {
  const range = document.createRange()
  range.selectNodeContents(element)
  return Math.max(...[...range.getClientRects()].map((box) => box.right))
}

/**
 * The typing sentence is never cut: it holds both names in full (for the live region too) and wraps
 * onto more lines inside its frame instead of running past it.
 */
export const expectTypingNamesInFull: Play = async ({ canvasElement }) => {
  const indicator = await findPart(canvasElement, 'typing-indicator')
  const region = indicator.querySelector<HTMLElement>('[role="status"]')
  const frame = indicator.parentElement
  expect(region).not.toBeNull()
  expect(frame).not.toBeNull()
  const sentence = region as HTMLElement
  await waitFor(() => {
    expect(lineCount(sentence)).toBeGreaterThan(1)
    expect(sentence.scrollWidth).toBeLessThanOrEqual(sentence.clientWidth)
    const frameBox = (frame as HTMLElement).getBoundingClientRect()
    const padding = parseFloat(getComputedStyle(frame as HTMLElement).paddingRight)
    const inside = frameBox.right - padding + 0.5
    expect(indicator.getBoundingClientRect().right).toBeLessThanOrEqual(inside)
    // The laid-out text itself, not only its boxes: overflowing text spills past a box that fits.
    expect(textRight(sentence)).toBeLessThanOrEqual(inside)
  }, SLOW)
}
