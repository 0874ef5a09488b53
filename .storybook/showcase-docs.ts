// The docs page of every component, in both Storybooks: it opens on the story that shows what the
// component is for (not the first story in the file, which is often "Loading"), then its props and
// every story. Written with createElement, as the Vue Storybook renders docs with React but builds
// no JSX.
import { Canvas, Controls, Description, Stories, Subtitle, Title, useOf } from '@storybook/addon-docs/blocks'
import { createElement as h, Fragment, type ReactElement } from 'react'
import { create } from 'storybook/theming'

/** The operating system's own UI font: nothing is fetched, and no page falls back to a serif. */
export const SYSTEM_UI_FONT =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Ubuntu, Cantarell, "Helvetica Neue", Arial, sans-serif'
export const SYSTEM_MONO_FONT = 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace'

export const storybookTheme = create({ base: 'light', fontBase: SYSTEM_UI_FONT, fontCode: SYSTEM_MONO_FONT })
export const storybookDocsTheme = storybookTheme

/**
 * The story a component's docs page leads with, by its name; a story tagged `showcase` wins over
 * this list, and a component not listed leads with its first story that is not a bare state.
 */
const SHOWCASE_STORIES: Readonly<Record<string, string>> = {
  'Components/ActivityDot': 'Active',
  'Components/AvatarStack': 'Overflow',
  'Components/ConnectionStatus': 'Reconnecting',
  'Components/OnlineList': 'Grouped By Status',
  'Components/TypingIndicator': 'Two Typing',
}
const BARE_STATE = /^(?:Loading|Empty|Connecting|Nobody Typing)$/u

interface DocsStory {
  readonly name: string
  readonly moduleExport: unknown
  readonly tags?: readonly string[]
}

/** Exported for its test: which of a file's stories leads its docs page. */
export function pickShowcase(title: string, stories: readonly DocsStory[]): DocsStory | undefined {
  return (
    stories.find((story) => story.tags?.includes('showcase') === true) ??
    stories.find((story) => story.name === SHOWCASE_STORIES[title]) ??
    stories.find((story) => !BARE_STATE.test(story.name)) ??
    stories[0]
  )
}

export function showcaseDocsPage(): ReactElement {
  const { csfFile } = useOf('meta', ['meta']) as unknown as {
    csfFile: { meta: { title: string }; stories: Record<string, DocsStory> }
  }
  const showcase = pickShowcase(csfFile.meta.title, Object.values(csfFile.stories))
  return h(
    Fragment,
    null,
    h(Title),
    h(Subtitle),
    h(Description),
    showcase === undefined ? null : h(Canvas, { of: showcase.moduleExport, sourceState: 'shown' }),
    showcase === undefined ? null : h(Controls, { of: showcase.moduleExport }),
    h(Stories, { title: 'Every story', includePrimary: true }),
  )
}
