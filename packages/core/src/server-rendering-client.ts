import { createPresenceClient, type PresenceClient } from './client.js'
import { PresenceError } from './errors.js'

/**
 * The client a provider uses while rendering on a server, when the app gives a factory instead of
 * a client: rooms show their initial state (nobody, not synced), exactly what the browser's first
 * render shows, and nothing can open a transport, because rooms are only opened by effects and
 * effects never run on a server.
 */
export function createServerRenderingClient(): PresenceClient {
  return createPresenceClient({
    user: { id: 'server-rendering' },
    adapter: {
      name: 'server-rendering',
      openRoom() {
        throw new PresenceError('invalid-state', 'A room was opened while rendering on a server.')
      },
    },
  })
}

/** True where a factory may run: in a browser, never while rendering on a server. */
export function isBrowser(): boolean {
  const scope = globalThis as { window?: unknown; document?: unknown }
  return typeof scope.window === 'object' && scope.window !== null && typeof scope.document === 'object'
}
