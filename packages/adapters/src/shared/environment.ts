// A page may open a presence connection; a server rendering it may not. One rule, kept in core.
export { isBrowser } from '@presence-kit/core'

/** The option every adapter takes about where it may connect. */
export interface ConnectOptions {
  /**
   * Open the backend's connection where there is no `window` and `document`: a Node client, a
   * script, a test. Off by default, so that while a page is rendered on a server a room stays
   * `connecting` and nothing is opened. @default false
   */
  readonly connectOnServer?: boolean
}
