import { addons } from 'storybook/manager-api'
import { storybookTheme } from './showcase-docs.ts'

// The manager in the system's UI font, like the docs pages and the stories.
addons.setConfig({ theme: storybookTheme })
