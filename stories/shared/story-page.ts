/// <reference types="vite/client" />
import type { GlobalTypes } from 'storybook/internal/types'

// What a story's page looks like around the component, the same in both frameworks: the kit's one
// stylesheet (or none, for the unstyled stories), light or dark, left-to-right or right-to-left.

export type StoryTheme = 'light' | 'dark'
export type StoryDirection = 'ltr' | 'rtl'
export type StoryStyles = 'styled' | 'unstyled'

export interface StoryPageGlobals {
  readonly theme?: StoryTheme
  readonly direction?: StoryDirection
  readonly styles?: StoryStyles
}

// The stylesheet as text, so a story can have it or not; the glob stays empty until the file exists.
const stylesheets = import.meta.glob<string>('../../packages/core/styles/presence.css', {
  query: '?inline',
  import: 'default',
  eager: true,
})
const presenceCss = Object.values(stylesheets).join('\n')
const STYLE_ELEMENT_ID = 'presence-kit-stylesheet'

/**
 * Puts the page in the story's look: the kit's stylesheet or none, and the theme on the document
 * element, as an app that switches the whole page to dark does.
 */
export function applyStoryPage(globals: StoryPageGlobals): void {
  if (typeof document === 'undefined') return
  document.documentElement.setAttribute('data-presence-theme', globals.theme ?? 'light')
  applyPresenceStyles(globals.styles)
}

function applyPresenceStyles(styles: StoryStyles = 'styled'): void {
  const existing = document.getElementById(STYLE_ELEMENT_ID)
  if (styles === 'unstyled') {
    existing?.remove()
    return
  }
  if (existing !== null) return
  const element = document.createElement('style')
  element.id = STYLE_ELEMENT_ID
  element.textContent = presenceCss
  document.head.append(element)
}

/** `parameters.frame`: the room a story gives its component, e.g. a sidebar's width. */
export interface StoryFrameParameters {
  /** A CSS width for the frame's content, so a story looks the same in any viewport. */
  readonly width?: string
}

export interface StoryFrame {
  readonly theme: StoryTheme
  readonly dir: StoryDirection
  /** Camel-cased, as both React and Vue take a style object. */
  readonly style: Readonly<Record<string, string>>
}

/** What the element every story renders in looks like. */
export function getStoryFrame(globals: StoryPageGlobals, frame: StoryFrameParameters = {}): StoryFrame {
  const theme = globals.theme ?? 'light'
  return {
    theme,
    dir: globals.direction ?? 'ltr',
    // The frame paints its own background, so contrast checks see what a person sees.
    style: {
      // The kit's own surface and text colours when styled; the same values when not.
      background: `var(--presence-surface, ${theme === 'dark' ? '#17191d' : '#ffffff'})`,
      color: `var(--presence-text, ${theme === 'dark' ? '#e8eaee' : '#1d1f24'})`,
      colorScheme: theme,
      padding: '1rem',
      minHeight: '6rem',
      ...(frame.width === undefined ? {} : { width: frame.width }),
    },
  }
}

/** The toolbar switches; stories set them with `globals`. */
export const storyPageGlobalTypes: GlobalTypes = {
  theme: {
    description: 'Light or dark theme',
    toolbar: { title: 'Theme', icon: 'mirror', items: ['light', 'dark'], dynamicTitle: true },
  },
  direction: {
    description: 'Text direction',
    toolbar: { title: 'Direction', icon: 'transfer', items: ['ltr', 'rtl'], dynamicTitle: true },
  },
  styles: {
    description: 'With or without the kit stylesheet',
    toolbar: { title: 'Styles', icon: 'paintbrush', items: ['styled', 'unstyled'], dynamicTitle: true },
  },
}

export const storyPageInitialGlobals: Required<StoryPageGlobals> = {
  theme: 'light',
  direction: 'ltr',
  styles: 'styled',
}
