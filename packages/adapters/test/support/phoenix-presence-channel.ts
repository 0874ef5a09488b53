import { isPlainObject } from '@presence-kit/protocol'
import type { ChannelHandler } from './phoenix-server.js'

/**
 * The channel a Phoenix app writes to serve `@presence-kit/adapters/phoenix`, here in TypeScript:
 * the user comes from the socket's connect params (`connect/3`), the client's connection id from
 * the join params, and the kit's pushes map onto `Presence.track/update/untrack` and
 * `broadcast_from`. In Elixir it is a dozen lines (see the adapters README).
 */
export const phoenixPresenceChannel: ChannelHandler = {
  join(member) {
    const userId = member.socket.params.user_id
    if (typeof userId !== 'string' || userId === '') {
      return { status: 'error', response: { reason: 'unauthorized' } }
    }
    member.assigns.set('userId', userId)
    member.assigns.set('presenceId', member.params.presence_id)
    return { status: 'ok', response: {} }
  },
  afterJoin(member, server) {
    server.push(member, server.presenceEvents.state, server.presenceState(member.topic))
  },
  handleIn(member, event, payload, server) {
    const userId = member.assigns.get('userId') as string
    const presenceId = member.assigns.get('presenceId')
    switch (event) {
      case 'presence:enter':
      case 'presence:update': {
        if (!isPlainObject(payload)) return { status: 'error', response: { reason: 'bad payload' } }
        server.track(member.topic, member.id, userId, {
          presence_id: presenceId,
          data: payload.data,
          activity: payload.activity,
        })
        return { status: 'ok', response: {} }
      }
      case 'presence:leave':
        server.untrack(member.topic, member.id)
        return { status: 'ok', response: {} }
      case 'presence:typing': {
        const typing = isPlainObject(payload) && payload.typing === true
        server.broadcast(
          member.topic,
          'presence:typing',
          { user_id: userId, presence_id: presenceId, typing },
          member,
        )
        return { status: 'ok', response: {} }
      }
      default:
        return { status: 'error', response: { reason: `unknown event ${event}` } }
    }
  },
}
