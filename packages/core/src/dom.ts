/**
 * `@presence-kit/core/dom`: wiring from a browser page to the store, kept out of the main entry
 * so apps that feed activity themselves (or run on a server) do not ship it.
 */
export { watchDomActivity, type ActivityWindow, type WatchDomActivityOptions } from './dom-activity.js'
