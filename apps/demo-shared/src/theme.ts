import type { DemoTheme } from './settings.js'

/** The root element, or anything with its two attribute methods. */
export interface ThemeRoot {
  setAttribute(name: string, value: string): void
  removeAttribute(name: string): void
}

/**
 * Applies the theme to the page: `system` follows `prefers-color-scheme` (the stylesheets' media
 * queries), `light` and `dark` force it through `data-presence-theme` on the root element.
 */
export function applyTheme(theme: DemoTheme, root: ThemeRoot): void {
  if (theme === 'system') root.removeAttribute('data-presence-theme')
  else root.setAttribute('data-presence-theme', theme)
}

export const THEME_CHOICES: readonly { readonly id: DemoTheme; readonly label: string }[] = [
  { id: 'system', label: 'System' },
  { id: 'light', label: 'Light' },
  { id: 'dark', label: 'Dark' },
]
