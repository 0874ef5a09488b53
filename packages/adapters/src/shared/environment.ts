/**
 * Whether this runtime is a page that may open a presence connection: a browser has `window` and
 * `document`. A server rendering the page has neither, and a connection opened there would belong
 * to no user and stay open after the response (one socket per request).
 */
export function isBrowser(): boolean {
  const scope = globalThis as { window?: unknown; document?: unknown }
  return typeof scope.window === 'object' && scope.window !== null && typeof scope.document === 'object'
}

/** The option every adapter takes about where it may connect. */
export interface ConnectOptions {
  /**
   * Open the backend's connection where there is no `window` and `document`: a Node client, a
   * script, a test. Off by default, so that while a page is rendered on a server a room stays
   * `connecting` and nothing is opened. @default false
   */
  readonly connectOnServer?: boolean
}
