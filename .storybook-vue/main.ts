import { readFileSync } from 'node:fs'
import type { StorybookConfig } from '@storybook/vue3-vite'
import vue from '@vitejs/plugin-vue'
import { mergeConfig } from 'vite'
import { dedupe, sourceAliases } from '../.storybook/source-aliases.ts'

// The Vue components' Storybook. It is built on its own (one Storybook renders one framework) and
// composed into the React one, which serves the build at /vue.
const config: StorybookConfig = {
  framework: {
    name: '@storybook/vue3-vite',
    // The props tables come from the components' sources through this tsconfig (see its note).
    options: { docgen: { plugin: 'vue-component-meta', tsconfig: '.storybook-vue/tsconfig.docgen.json' } },
  },
  stories: ['../stories/vue/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  core: { disableTelemetry: true },
  // The stories' font, as in the React Storybook: one file for both.
  previewHead: (head) =>
    `${head}${readFileSync(new URL('../.storybook/preview-head.html', import.meta.url), 'utf8')}`,
  viteFinal(viteConfig) {
    // The Vue framework does not add the Vue plugin itself.
    const hasVue = (viteConfig.plugins ?? [])
      .flat()
      .some(
        (plugin) =>
          plugin !== null && typeof plugin === 'object' && 'name' in plugin && plugin.name === 'vite:vue',
      )
    return mergeConfig(viteConfig, {
      plugins: hasVue ? [] : [vue()],
      resolve: { alias: sourceAliases, dedupe },
    })
  },
}

export default config
