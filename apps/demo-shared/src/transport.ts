import { createBroadcastChannelAdapter } from '@presence-kit/adapters/broadcast-channel'
import { createPresenceClient, type PresenceClient, type PresenceClientOptions } from '@presence-kit/core'
import { createServerClient } from './server-client.js'
import type { DemoSettings, DemoTransport } from './settings.js'

export interface TransportChoice {
  readonly id: DemoTransport
  /** The option in the transport picker. */
  readonly label: string
  /** What the header calls the link: `Server: Connected`, `BroadcastChannel: Connected`. */
  readonly linkName: string
}

export const TRANSPORT_CHOICES: readonly TransportChoice[] = [
  { id: 'server', label: 'Reference server', linkName: 'Server' },
  { id: 'broadcast-channel', label: 'BroadcastChannel (tabs of this browser)', linkName: 'BroadcastChannel' },
]

export function transportChoice(transport: DemoTransport): TransportChoice {
  return (
    TRANSPORT_CHOICES.find((choice) => choice.id === transport) ?? (TRANSPORT_CHOICES[0] as TransportChoice)
  )
}

/**
 * The client for the real rooms on the chosen transport. With `broadcast-channel` nothing leaves
 * the browser: the page needs no server, and only tabs of the same origin see each other.
 */
export function createDemoClient(
  transport: DemoTransport,
  settings: DemoSettings,
  options: Omit<PresenceClientOptions, 'adapter'>,
): PresenceClient {
  if (transport === 'broadcast-channel') {
    return createPresenceClient({ ...options, adapter: createBroadcastChannelAdapter() })
  }
  return createServerClient(settings, options)
}

/**
 * The page's address with `?transport=` set, so a reload or a copied link keeps the transport;
 * the default (`server`) is left out of the address.
 */
export function addressWithTransport(href: string, transport: DemoTransport): string {
  const url = new URL(href)
  if (transport === 'server') url.searchParams.delete('transport')
  else url.searchParams.set('transport', transport)
  return url.href
}
