import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { StorybookConfig } from '@storybook/react-vite'
import react from '@vitejs/plugin-react'
import remarkGfm from 'remark-gfm'
import { mergeConfig } from 'vite'
import { dedupe, sourceAliases } from './source-aliases.ts'

// The Vue Storybook is built first (`pnpm build-storybook:vue`) and served from here at /vue, so
// one Storybook shows both frameworks, in dev and in the static build alike.
const vueStorybook = fileURLToPath(new URL('../storybook-static-vue', import.meta.url))

const config: StorybookConfig = {
  framework: { name: '@storybook/react-vite', options: {} },
  stories: ['../stories/docs/**/*.mdx', '../stories/react/**/*.stories.tsx'],
  addons: [
    // GitHub-flavoured Markdown, for the tables of the docs pages.
    {
      name: '@storybook/addon-docs',
      options: { mdxPluginOptions: { mdxCompileOptions: { remarkPlugins: [remarkGfm] } } },
    },
    '@storybook/addon-a11y',
    '@storybook/addon-vitest',
  ],
  staticDirs: existsSync(vueStorybook) ? [{ from: '../storybook-static-vue', to: '/vue' }] : [],
  refs: { vue: { title: 'Vue', url: './vue' } },
  // The props tables come from the TypeScript types. The default react-docgen reads only the first
  // branch of a union of props, so AvatarStack lost `members` and ActivityDot `room` and `userId`;
  // react-docgen-typescript asks the compiler, with the React package's own tsconfig.
  typescript: {
    reactDocgen: 'react-docgen-typescript',
    reactDocgenTypescriptOptions: {
      tsconfigPath: fileURLToPath(new URL('../packages/react/tsconfig.json', import.meta.url)),
      include: [fileURLToPath(new URL('../packages/react/src/**/*.tsx', import.meta.url))],
      // Storybook's own defaults, which these options replace: unions of literals become options
      // of a control, and an optional prop's type is shown without `| undefined`.
      shouldExtractLiteralValuesFromEnum: true,
      shouldRemoveUndefinedFromOptional: true,
    },
  },
  core: { disableTelemetry: true },
  viteFinal(viteConfig) {
    const hasReact = (viteConfig.plugins ?? [])
      .flat()
      .some(
        (plugin) =>
          plugin !== null &&
          typeof plugin === 'object' &&
          'name' in plugin &&
          plugin.name === 'vite:react-babel',
      )
    return mergeConfig(viteConfig, {
      plugins: hasReact ? [] : [react()],
      resolve: { alias: sourceAliases, dedupe },
    })
  },
}

export default config
