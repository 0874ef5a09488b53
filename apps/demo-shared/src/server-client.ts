import { createPresenceClient, type PresenceClient, type PresenceClientOptions } from '@presence-kit/core'
import { createMemoryHub } from '@presence-kit/core/testing'
import type { DemoSettings } from './settings.js'

/** The client for the real rooms, connected to the reference server. */
export function createServerClient(
  _settings: DemoSettings,
  options: Omit<PresenceClientOptions, 'adapter'>,
): PresenceClient {
  const hub = createMemoryHub()
  return createPresenceClient({ ...options, adapter: hub.adapter() })
}
