// Plays that check the page's look reached the component: the dark theme, right-to-left, and no
// stylesheet at all. Each compares the rendered element with what it would be otherwise, so a
// theme, a direction or a stylesheet that does not apply fails the play.
import { expect } from 'storybook/test'
import { findPart, type Play } from './play-dom.ts'

/** A computed property, of the element or of its `::before`. */
export interface StyleProbe {
  readonly property: string
  readonly pseudo?: '::before'
}

const read = (element: Element, probe: StyleProbe) =>
  getComputedStyle(element, probe.pseudo ?? null).getPropertyValue(probe.property)

/** Runs `measure` on a copy of `element` (its attributes, no children) placed by `place`. */
function measureTwin<T>(
  element: HTMLElement,
  place: (twin: HTMLElement) => HTMLElement,
  measure: (twin: HTMLElement) => T,
): T {
  const twin = element.cloneNode(false) as HTMLElement
  twin.removeAttribute('id')
  const holder = place(twin)
  try {
    return measure(twin)
  } finally {
    holder.remove()
  }
}

/**
 * The component sits under `data-presence-theme="dark"`, which the stylesheet keys on, and each
 * probed value differs from the same element's under the light theme: the dark values are in effect.
 */
export function expectDarkTheme(part: string, probes: readonly StyleProbe[]): Play {
  return async ({ canvasElement }) => {
    const root = await findPart(canvasElement, part)
    expect(root.closest('[data-presence-theme]')).toHaveAttribute('data-presence-theme', 'dark')
    const light = measureTwin(
      root,
      (twin) => {
        const frame = document.createElement('div')
        frame.setAttribute('data-presence-theme', 'light')
        frame.append(twin)
        root.parentElement?.append(frame)
        return frame
      },
      (twin) => probes.map((probe) => read(twin, probe)),
    )
    probes.forEach((probe, index) => {
      const name = `${probe.pseudo ?? ''}${probe.property}`
      expect(read(root, probe), `${name} of ${part} is the light one`).not.toBe(light[index])
    })
  }
}

// What the stylesheet sets on the kit's elements; a plain element of the same tag has the defaults.
const STYLED_PROPERTIES: readonly StyleProbe[] = [
  { property: 'display' },
  { property: 'position' },
  { property: 'color' },
  { property: 'background-color' },
  { property: 'font-size' },
  { property: 'border-top-width' },
  { property: 'border-top-left-radius' },
  { property: 'padding-top' },
  { property: 'box-shadow' },
  { property: 'content', pseudo: '::before' },
]

/** Every style rule in the page whose selector names the kit's attributes and matches `element`. */
function kitRulesMatching(element: Element): string[] {
  const matching: string[] = []
  const visit = (rules: CSSRuleList) => {
    for (const rule of rules) {
      if (rule instanceof CSSStyleRule) {
        if (/data-(scope|part|presence)/.test(rule.selectorText) && element.matches(rule.selectorText))
          matching.push(rule.selectorText)
      } else if (rule instanceof CSSGroupingRule) visit(rule.cssRules)
    }
  }
  for (const sheet of document.styleSheets) visit(sheet.cssRules)
  return matching
}

/**
 * No rule of the kit's stylesheet applies to these parts, and their computed styles are those of a
 * plain element of the same tag in the same place, with the same inline style: the browser's
 * defaults.
 */
export function expectUnstyled(partNames: readonly string[]): Play {
  return async ({ canvasElement }) => {
    for (const part of partNames) {
      const element = await findPart(canvasElement, part)
      expect(kitRulesMatching(element), `rules styling ${part}`).toEqual([])
      const plain = document.createElement(element.tagName)
      // The component's own inline styles are not the stylesheet's: the plain element gets them too.
      plain.style.cssText = element.style.cssText
      element.parentElement?.append(plain)
      try {
        for (const probe of STYLED_PROPERTIES) {
          const name = `${probe.pseudo ?? ''}${probe.property}`
          expect(read(element, probe), `${name} of ${part}`).toBe(read(plain, probe))
        }
      } finally {
        plain.remove()
      }
    }
  }
}

/** Two elements of a component; the first (in document order) should be drawn to the right. */
export type InlineOrder = (root: HTMLElement) => readonly [Element | null, Element | null]

const centre = (element: Element) => {
  const box = element.getBoundingClientRect()
  return box.left + box.width / 2
}

/**
 * The component is laid out right to left: its computed `direction` is `rtl`, and what comes first
 * in it is drawn further right than what follows.
 */
export function expectRightToLeft(part: string, order: InlineOrder): Play {
  return async ({ canvasElement }) => {
    const root = await findPart(canvasElement, part)
    expect(getComputedStyle(root).direction).toBe('rtl')
    const [first, second] = order(root)
    expect(first, 'the first element of the order').toBeInstanceOf(Element)
    expect(second, 'the second element of the order').toBeInstanceOf(Element)
    expect(centre(first as Element)).toBeGreaterThan(centre(second as Element))
  }
}

/**
 * The "+N" chip reads "+N" whatever the page's direction: its sign is drawn left of the count, as
 * in a left-to-right page. Without isolation a right-to-left page draws "+3" as "3+".
 */
export const expectChipSignBeforeCount: Play = async ({ canvasElement }) => {
  const chip = await findPart(canvasElement, 'avatar-overflow')
  const walker = document.createTreeWalker(chip, NodeFilter.SHOW_TEXT)
  const text = walker.nextNode() as Text | null
  expect(text?.data, 'the chip text').toMatch(/^\+\d/u)
  const box = (start: number) => {
    const range = document.createRange()
    range.setStart(text as Text, start)
    range.setEnd(text as Text, start + 1)
    return range.getBoundingClientRect()
  }
  const [sign, count] = [box(0), box(1)]
  expect(sign.width, 'the sign is drawn').toBeGreaterThan(0)
  expect(sign.right, 'the right edge of "+" against the left edge of the count').toBeLessThanOrEqual(
    count.left + 0.5,
  )
}
