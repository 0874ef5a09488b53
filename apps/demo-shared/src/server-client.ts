import { createSocketIoAdapter } from '@presence-kit/adapters/socket-io'
import { createPresenceClient, type PresenceClient, type PresenceClientOptions } from '@presence-kit/core'
import type { DemoSettings } from './settings.js'

/**
 * The client for the real rooms, on the reference server. The server runs in its development mode,
 * where it takes the identity from the query (`userId`, `name`, `avatarUrl`); a real app passes a
 * signed `token` instead and the server ignores the query.
 */
export function createServerClient(
  settings: DemoSettings,
  options: Omit<PresenceClientOptions, 'adapter'>,
): PresenceClient {
  const { user } = options
  const query: Record<string, string> = { userId: user.id }
  if (typeof user.name === 'string') query['name'] = user.name
  if (typeof user.avatarUrl === 'string') query['avatarUrl'] = user.avatarUrl
  const adapter = createSocketIoAdapter({
    url: settings.serverUrl,
    query,
    // Quick retries: a restarted server is found again within a second or two.
    socketOptions: { reconnectionDelay: 250, reconnectionDelayMax: 2_000 },
  })
  return createPresenceClient({ ...options, adapter })
}
