import type { Decorator, Preview } from '@storybook/react-vite'
import { PresenceProvider } from '@presence-kit/react'
import { useEffect, type ReactNode } from 'react'
import {
  findStoryPresence,
  holdStoryPresence,
  presenceBeforeEach,
  type StoryPresence,
} from '../stories/shared/presence-fixtures.ts'
import { reactPropsTable } from './props-table.ts'
import { showcaseDocsPage, storybookDocsTheme } from './showcase-docs.ts'
import {
  applyStoryPage,
  getStoryFrame,
  storyPageGlobalTypes,
  storyPageInitialGlobals,
  type StoryFrameParameters,
  type StoryPageGlobals,
} from '../stories/shared/story-page.ts'

const withPresence: Decorator = (Story, context) => {
  const presence = findStoryPresence(context)
  if (presence === undefined) return <Story />
  // Live stories: the controls steer the running crowd.
  presence.setCrowd(context.args)
  return (
    <HoldPresence presence={presence}>
      <PresenceProvider client={presence.client}>
        <Story />
      </PresenceProvider>
    </HoldPresence>
  )
}

/** Keeps the story's client alive while its tree is on the page. */
function HoldPresence({ presence, children }: { presence: StoryPresence; children: ReactNode }) {
  useEffect(() => holdStoryPresence(presence), [presence])
  return children
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
  beforeEach: [presenceBeforeEach],
  argTypesEnhancers: [reactPropsTable],
  decorators: [withPresence, withPage],
}

export default preview
