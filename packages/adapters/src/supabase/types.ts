import type { ConnectOptions } from '../shared/environment.js'
import type { RealtimeChannel, RealtimeChannelOptions } from '@supabase/supabase-js'

/** A Supabase client (`createClient(...)`) or its `realtime` client: what makes and removes channels. */
export interface SupabaseRealtimeLike {
  channel(name: string, options?: RealtimeChannelOptions): RealtimeChannel
  removeChannel(channel: RealtimeChannel): Promise<unknown>
}

export interface SupabaseAdapterOptions extends ConnectOptions {
  /** `createClient(url, key)` or `supabase.realtime`. The app owns it; the adapter only adds channels. */
  client: SupabaseRealtimeLike
  /** The channel name of a room. @default (room) => `presence:${room}` */
  channel?: (room: string) => string
  /** Join the channel as a private one (Realtime Authorization with RLS). @default false */
  private?: boolean
  /** The broadcast event typing is sent on. @default 'presence-kit:typing' */
  typingEvent?: string
}
