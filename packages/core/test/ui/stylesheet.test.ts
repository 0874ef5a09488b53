import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const css = readFileSync(new URL('../../styles/presence.css', import.meta.url), 'utf8')
const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  exports: Record<string, unknown>
  files: string[]
}

// Every part of the component contract that the stylesheet must style.
const PARTS = [
  'online-list',
  'online-list-group',
  'online-list-row',
  'avatar-stack',
  'avatar',
  'avatar-image',
  'avatar-initials',
  'avatar-overflow',
  'avatar-overflow-list',
  'typing-indicator',
  'typing-dots',
  'activity-dot',
  'connection-status',
]

describe('presence.css', () => {
  it('is exported as @presence-kit/core/styles.css and published', () => {
    expect(manifest.exports['./styles.css']).toBe('./styles/presence.css')
    expect(manifest.files).toContain('styles')
  })

  it.each(PARTS)('styles the %s part', (part) => {
    expect(css).toContain(`[data-part='${part}']`)
  })

  it('has a colour per status, light and dark, by preference and by ancestor', () => {
    for (const status of ['active', 'idle', 'away', 'offline']) {
      expect(css).toContain(`--presence-status-${status}:`)
      expect(css).toContain(`[data-status='${status}']`)
    }
    expect(css).toMatch(/@media \(prefers-color-scheme: dark\)/)
    expect(css).toContain("[data-presence-theme='dark']")
  })

  it('stops the typing dots when reduced motion is asked for', () => {
    const reduced = css.slice(css.indexOf('@media (prefers-reduced-motion: reduce)'))
    expect(reduced).toMatch(/typing-dots'\] > span \{\s*animation: none/)
  })

  it('shows focus and the active row in forced colours, where shadows and backgrounds are dropped', () => {
    const forced = css.slice(css.indexOf('@media (forced-colors: active)'))
    expect(forced).toMatch(/\[data-part='online-list'\]:focus-visible \{\s*outline: 2px solid CanvasText/)
    expect(forced).toMatch(/\[data-part='online-list-row'\]\[data-active\] \{\s*outline: 2px solid Highlight/)
  })

  it('never hides the connection badge, whose element is the live region', () => {
    const rules = css.match(/\[data-part='connection-status'\][^{]*\{[^}]*\}/g) ?? []
    expect(rules.length).toBeGreaterThan(2)
    // Its ::after is the hidden copy of its longest text that reserves its room, not the region.
    const ownRules = rules.filter((rule) => !rule.split('{')[0]!.includes('::'))
    for (const rule of ownRules) expect(rule).not.toMatch(/display:\s*none|visibility:\s*hidden/)
  })

  it('only uses --presence-* custom properties', () => {
    const names = css.match(/--[a-z][\w-]*/g) ?? []
    expect(names.length).toBeGreaterThan(20)
    expect(names.filter((name) => !name.startsWith('--presence-'))).toEqual([])
  })

  it('has balanced braces', () => {
    expect(css.split('{').length).toBe(css.split('}').length)
  })
})
