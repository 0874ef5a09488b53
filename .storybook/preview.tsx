import type { Decorator, Preview } from '@storybook/react-vite'
import { PresenceProvider } from '@presence-kit/react'
import { useEffect, type ReactNode } from 'react'
import { findStoryPresence, type StoryPresence } from '../stories/shared/presence-fixtures.ts'
import { holdPresence, presenceUntilUnmounted } from './presence-lifetime.ts'
import { showcaseDocsPage, storybookDocsTheme } from './showcase-docs.ts'
import {
  applyStoryPage,
  getStoryFrame,
  storyPageGlobalTypes,
  storyPageInitialGlobals,
  type StoryFrameParameters,
  type StoryPageGlobals,
} from '../stories/shared/story-page.ts'

/** Keeps the story's client alive while this tree is mounted (see presence-lifetime.ts). */
function HeldPresence({ presence, children }: { presence: StoryPresence; children: ReactNode }) {
  // Passive, like the hooks' own room holds: their cleanups run in the same flush as this one.
  useEffect(() => holdPresence(presence), [presence])
  return <PresenceProvider client={presence.client}>{children}</PresenceProvider>
}

const withPresence: Decorator = (Story, context) => {
  const presence = findStoryPresence(context)
  if (presence === undefined) return <Story />
  // Live stories: the controls steer the running crowd.
  presence.setCrowd(context.args)
  return (
    <HeldPresence presence={presence}>
      <Story />
    </HeldPresence>
  )
}

const withPage: Decorator = (Story, context) => {
  const globals = context.globals as StoryPageGlobals
  applyStoryPage(globals)
  const frame = getStoryFrame(globals, context.parameters['frame'] as StoryFrameParameters | undefined)
  return (
    <div data-presence-theme={frame.theme} dir={frame.dir} style={frame.style}>
      <Story />
    </div>
  )
}

const preview: Preview = {
  tags: ['autodocs'],
  parameters: {
    layout: 'fullscreen',
    // axe runs on every story and fails its test on any violation.
    a11y: { test: 'error' },
    controls: { expanded: true },
    docs: { page: showcaseDocsPage, theme: storybookDocsTheme },
    options: {
      storySort: { order: ['Introduction', 'Adapters', 'Components', 'Live', 'Hooks', 'Composables'] },
    },
  },
  globalTypes: storyPageGlobalTypes,
  initialGlobals: storyPageInitialGlobals,
  beforeEach: [presenceUntilUnmounted],
  decorators: [withPresence, withPage],
}

export default preview
