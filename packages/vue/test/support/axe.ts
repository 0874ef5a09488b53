import axe from 'axe-core'
import { expect } from 'vitest'

/**
 * Runs axe-core on `element` and fails with the rules broken. Colour contrast needs a layout engine
 * and the stylesheet, neither of which jsdom has, so that one rule is left to the browser runs.
 */
export async function expectNoAxeViolations(element: Element): Promise<void> {
  const results = await axe.run(element, { rules: { 'color-contrast': { enabled: false } } })
  const broken = results.violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(' | ')}`,
  )
  expect(broken).toEqual([])
}
