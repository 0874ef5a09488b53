import { addons } from 'storybook/manager-api'
import { storybookTheme } from '../.storybook/showcase-docs.ts'

// The Vue Storybook's own manager (when opened alone), in the system's UI font.
addons.setConfig({ theme: storybookTheme })
