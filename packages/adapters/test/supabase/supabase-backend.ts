import type { PresenceAdapter } from '@presence-kit/core'
import { createClient, type SupabaseClient, type SupabaseClientOptions } from '@supabase/supabase-js'
import { WebSocket } from 'ws'
import { createSupabaseAdapter } from '../../src/supabase/index.js'
import type { ContractBackend } from '../contract/harness.js'
import { sleep } from '../contract/observe.js'
import { startPhoenixServer, type PhoenixServer } from '../support/phoenix-server.js'
import { supabaseRealtimeChannel, userBroadcastFrame } from '../support/supabase-realtime-channel.js'

type Transport = NonNullable<NonNullable<SupabaseClientOptions<'public'>['realtime']>['transport']>
// `ws`'s WebSocket takes the same (url, protocols) arguments as the browser's; its types spell them differently.
const transport = WebSocket as unknown as Transport

export const TYPING_EVENT = 'presence-kit:typing'
export const topicOf = (room: string) => `realtime:presence:${room}`

/** Real `@supabase/supabase-js` clients against the local server answering as Supabase Realtime does. */
export async function startSupabaseBackend(): Promise<ContractBackend & { server: PhoenixServer }> {
  const server = await startPhoenixServer(supabaseRealtimeChannel, { path: '/realtime/v1' })
  const clients: SupabaseClient[] = []
  const clientOf = new Map<PresenceAdapter, string>()
  const blocks = new Map<string, (params: Readonly<Record<string, string>>) => boolean>()
  let count = 0
  let peers = 0
  return {
    server,
    createAdapter() {
      const name = `c${++count}`
      const supabase = createClient(`http://127.0.0.1:${server.port}`, 'anon-key', {
        auth: { persistSession: false, autoRefreshToken: false },
        realtime: { transport, params: { client: name }, reconnectAfterMs: () => 20 },
      })
      clients.push(supabase)
      const adapter = createSupabaseAdapter({ connectOnServer: true, client: supabase })
      clientOf.set(adapter, name)
      return adapter
    },
    createPeer(room, userId) {
      const topic = topicOf(room)
      const owner = `peer-${++peers}`
      return {
        userId,
        async join(data) {
          server.track(topic, owner, userId, { presence_id: owner, data })
        },
        async update(data) {
          server.update(topic, owner, userId, { presence_id: owner, data })
        },
        async leave() {
          server.untrack(topic, owner)
        },
        async typing(typing) {
          const signal = { user_id: userId, presence_id: owner, typing }
          server.broadcastFrame(topic, () => userBroadcastFrame(topic, TYPING_EVENT, signal))
        },
      }
    },
    async dropLink(adapter) {
      const name = clientOf.get(adapter)!
      const block = (params: Readonly<Record<string, string>>) => params.client === name
      blocks.set(name, block)
      server.drop(block)
    },
    async restoreLink(adapter) {
      server.allow(blocks.get(clientOf.get(adapter)!)!)
    },
    async sendMalformed(room) {
      server.broadcast(topicOf(room), 'presence_diff', {
        joins: { ada: { metas: [{ no_ref: true }] } },
        leaves: {},
      })
    },
    settle: () => sleep(30),
    async close() {
      for (const supabase of clients) await supabase.removeAllChannels()
      await server.close()
    },
  }
}
