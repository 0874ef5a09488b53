export {
  mountPresenceDevtools,
  type DevtoolsTheme,
  type DevtoolsView,
  type PresenceDevtoolsHandle,
  type PresenceDevtoolsOptions,
} from './mount.js'
export type { LinkControl } from './link-control.js'
export { MALFORMED_INPUTS } from './views/actions.js'
