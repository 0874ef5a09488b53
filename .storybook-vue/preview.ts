import type { Decorator, Preview } from '@storybook/vue3-vite'
import { providePresence } from '@presence-kit/vue'
import { defineComponent, h, onMounted, onUnmounted, watch } from 'vue'
import { showcaseDocsPage, storybookDocsTheme } from '../.storybook/showcase-docs.ts'
import {
  findStoryPresence,
  holdStoryPresence,
  presenceBeforeEach,
} from '../stories/shared/presence-fixtures.ts'
import { vuePropsTable } from './props-table.ts'
import {
  applyStoryPage,
  getStoryFrame,
  storyPageGlobalTypes,
  storyPageInitialGlobals,
  type StoryFrameParameters,
  type StoryPageGlobals,
} from '../stories/shared/story-page.ts'

const withPresence: Decorator = (story, context) => {
  const presence = findStoryPresence(context)
  if (presence === undefined) return story()
  const Story = story()
  return defineComponent({
    name: 'WithPresence',
    setup() {
      providePresence(presence.client)
      // The story's client stays alive while its tree is on the page.
      let release: (() => void) | undefined
      onMounted(() => (release = holdStoryPresence(presence)))
      onUnmounted(() => release?.())
      // Live stories: the controls steer the running crowd (the renderer's args are reactive).
      watch(
        () => ({ ...context.args }),
        (args) => presence.setCrowd(args),
        { immediate: true },
      )
      return () => h(Story)
    },
  })
}

const withPage: Decorator = (story, context) => {
  const globals = context.globals as StoryPageGlobals
  applyStoryPage(globals)
  const frame = getStoryFrame(globals, context.parameters['frame'] as StoryFrameParameters | undefined)
  const Story = story()
  return defineComponent({
    name: 'StoryFrame',
    setup: () => () =>
      h('div', { 'data-presence-theme': frame.theme, dir: frame.dir, style: frame.style }, [h(Story)]),
  })
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
  argTypesEnhancers: [vuePropsTable],
  decorators: [withPresence, withPage],
}

export default preview
