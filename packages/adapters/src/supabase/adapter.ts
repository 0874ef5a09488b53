import type { LocalPresence, PresenceAdapter } from '@presence-kit/core'
import { isNonEmptyString, isPlainObject } from '@presence-kit/protocol'
import type { RealtimeChannel } from '@supabase/supabase-js'
import { createConnectionId } from '../shared/connection-id.js'
import { defineAdapter } from '../shared/define-adapter.js'
import type { BackendRoom, RoomLink } from '../shared/room-link.js'
import { backendError, describe, invalidInput, profileOf } from '../shared/wire.js'
import { readPresence, type ReadPresence } from './read-presence.js'
import { SupabaseRoster, type RosterChange } from './roster.js'
import type { SupabaseAdapterOptions } from './types.js'

const BACKEND = 'supabase'

/**
 * Presence over Supabase Realtime channels. The presence key is the user id, so a user's tabs are
 * one key with several presences; each tab tracks `{ presence_id, data, activity, profile }`.
 * Typing goes over broadcast, never through `track`: Supabase rate-limits `track` per client and
 * closes the channel past the limit.
 */
export function createSupabaseAdapter(options: SupabaseAdapterOptions): PresenceAdapter {
  const { client } = options
  const nameOf = options.channel ?? ((room: string) => `presence:${room}`)
  const typingEvent = options.typingEvent ?? 'presence-kit:typing'
  function openRoom(link: RoomLink): BackendRoom {
    const { room, user, sink } = link
    const profile = profileOf(user)
    const report = (error: unknown) => link.report(error)
    const roster = new SupabaseRoster(report)
    let connectionId: string | undefined

    const channel: RealtimeChannel = client.channel(nameOf(room), {
      config: {
        presence: { key: user.id, enabled: true },
        broadcast: { self: false, ack: false },
        private: options.private ?? false,
      },
    })

    const fail = (what: string) => (reason: unknown) => report(backendError(BACKEND, what, reason))
    const track = (presence: LocalPresence) => {
      channel
        .track({ presence_id: connectionId, data: presence.data, activity: presence.activity, profile })
        .then((result) => {
          if (result !== 'ok') fail(`track answered "${String(result)}".`)(result)
        }, fail('track failed.'))
    }

    const deliver = (changes: readonly RosterChange[]) => {
      for (const change of changes) {
        if (change.kind === 'leave') sink.leave(change.leave)
        else if (change.kind === 'join') sink.join(change.connection)
        else sink.update(change.connection)
      }
    }
    const readAll = (key: unknown, list: unknown, what: string): ReadPresence[] | undefined => {
      if (!Array.isArray(list)) {
        sink.error(invalidInput(BACKEND, `a presence ${what} needs a list of presences.`, describe(list)))
        return undefined
      }
      const read: ReadPresence[] = []
      for (const presence of list) {
        const one = readPresence(key, presence, report)
        if (one !== undefined) read.push(one)
      }
      return read
    }

    channel.on('presence', { event: 'sync' }, () => {
      const snapshot = roster.endResync()
      if (snapshot !== undefined) sink.snapshot(snapshot)
    })
    channel.on('presence', { event: 'join' }, (payload: { key?: unknown; newPresences?: unknown }) => {
      const read = readAll(payload?.key, payload?.newPresences, 'join')
      if (read !== undefined) deliver(roster.join(read))
    })
    channel.on('presence', { event: 'leave' }, (payload: { key?: unknown; leftPresences?: unknown }) => {
      const read = readAll(payload?.key, payload?.leftPresences, 'leave')
      if (read !== undefined) deliver(roster.leave(read))
    })
    channel.on('broadcast', { event: typingEvent }, (message: { payload?: unknown }) => {
      const signal = message.payload
      if (!isPlainObject(signal) || !isNonEmptyString(signal.user_id) || typeof signal.typing !== 'boolean') {
        return sink.error(
          invalidInput(BACKEND, `"${typingEvent}" needs { user_id, typing }.`, describe(signal)),
        )
      }
      sink.typing({
        userId: signal.user_id,
        typing: signal.typing,
        ...(isNonEmptyString(signal.presence_id) ? { connectionId: signal.presence_id } : {}),
      })
    })

    channel.subscribe((status, error) => {
      if (link.closed) return
      if (status === 'SUBSCRIBED') {
        // A new join is a new connection: a fresh id, so the store never confuses it with the old one.
        connectionId = createConnectionId()
        roster.beginResync()
        link.up(connectionId)
      } else if (status === 'CHANNEL_ERROR' || status === 'TIMED_OUT') {
        link.down('reconnecting', error === undefined ? undefined : backendError(BACKEND, status, error))
      } else if (status === 'CLOSED') {
        link.down('disconnected')
      }
    })

    return {
      enter: track,
      update: track,
      leave() {
        channel.untrack().catch(fail('untrack failed.'))
      },
      typing(typing) {
        channel
          .send({
            type: 'broadcast',
            event: typingEvent,
            payload: { user_id: user.id, presence_id: connectionId, typing },
          })
          .catch(fail('sending typing failed.'))
      },
      close() {
        roster.clear()
        client.removeChannel(channel).catch(() => {})
      },
    }
  }

  // The client is the app's: only this adapter's channels are removed.
  return defineAdapter(BACKEND, options, { openRoom })
}
