import { JSDOM } from 'jsdom'
import { installCommitCounter } from './commit-counter.js'

/**
 * A jsdom window as the global environment, installed before React is imported (react-dom checks
 * for a DOM when it loads), with the commit counter react-dom finds when it loads. Production
 * React, as users ship it. jsdom has no layout: the list viewport gets a measured height.
 */
process.env['NODE_ENV'] = 'production'
installCommitCounter()
const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true })
const { window } = dom
const globals = globalThis as Record<string, unknown>
for (const name of [
  'window',
  'document',
  'navigator',
  'Node',
  'Element',
  'HTMLElement',
  'HTMLDivElement',
  'Event',
  'KeyboardEvent',
  'MouseEvent',
  'MutationObserver',
  'getComputedStyle',
  'requestAnimationFrame',
  'cancelAnimationFrame',
]) {
  const value = (window as unknown as Record<string, unknown>)[name]
  globals[name] = typeof value === 'function' && /^[a-z]/.test(name) ? value.bind(window) : value
}

const viewportHeight = 320
Object.defineProperty(window.HTMLElement.prototype, 'clientHeight', {
  configurable: true,
  get(this: Element) {
    return this.getAttribute('data-part') === 'online-list' ? viewportHeight : 0
  },
})
Object.defineProperty(window.HTMLElement.prototype, 'clientWidth', {
  configurable: true,
  get(this: Element) {
    return this.getAttribute('data-part') === 'online-list' ? 320 : 0
  },
})
