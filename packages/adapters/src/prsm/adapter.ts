import type { ConnectionInput, PresenceAdapter } from '@presence-kit/core'
import { isNonEmptyString, isPlainObject } from '@presence-kit/protocol'
import { defineAdapter } from '../shared/define-adapter.js'
import type { BackendRoom, RoomLink } from '../shared/room-link.js'
import { backendError, describe, invalidInput, profileOf } from '../shared/wire.js'
import { readKitState, type KitState } from './read-state.js'
import type { PrsmAdapterOptions } from './types.js'

const BACKEND = 'prsm'

const defaultUserIdOf = (metadata: unknown): string | undefined => {
  if (!isPlainObject(metadata)) return undefined
  if (isNonEmptyString(metadata.userId)) return metadata.userId
  return isNonEmptyString(metadata.id) ? metadata.id : undefined
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

interface Known {
  userId: string
  state: KitState | undefined
  shown: boolean
  /** The order of the last event about it (see `versionOf`). */
  version: number | undefined
}

/**
 * Presence over `@prsm/realtime` (seed 002). Each connection in a tracked room is a connection; its
 * user is the `userId` in the kit's presence state, else its connection metadata's. The kit's
 * state is `{ userId, data, activity, profile, typing }`: typing publishes it with `expireAfter`, so
 * a typer who vanishes stops typing on the server, and the adapter publishes it again without
 * expiry when typing ends or expires. The presence subscription is made again after every
 * reconnect (the connection id is new) and after leaving the room.
 */
export function createPrsmAdapter(options: PrsmAdapterOptions): PresenceAdapter {
  const { client } = options
  const nameOf = options.roomName ?? ((room: string) => room)
  const userIdOf = options.userIdOf ?? defaultUserIdOf
  const typingExpireMs = options.typingExpireMs ?? 6_000
  const stateWaitMs = options.stateWaitMs ?? 150

  function openRoom(link: RoomLink): BackendRoom {
    const { room, user, sink } = link
    const roomName = nameOf(room)
    const profile = profileOf(user)
    const known = new Map<string, Known>()
    let typing = false
    let subscriptions = 0

    const report = (error: unknown) => link.report(error)
    const fail = (what: string) => (error: unknown) => report(backendError(BACKEND, `${what} failed.`, error))
    let arrivals = 0
    /**
     * Orders events by the server's `timestamp`, ties by arrival: a connection that leaves and
     * joins again (the same id) is then newer than its leave.
     */
    const versionOf = (timestamp: unknown): number | undefined =>
      typeof timestamp === 'number' && Number.isFinite(timestamp)
        ? timestamp * 1_000 + (++arrivals % 1_000)
        : undefined
    const connectionOf = (connectionId: string, entry: Known): ConnectionInput => ({
      connectionId,
      userId: entry.userId,
      ...(entry.version === undefined ? {} : { version: entry.version }),
      data: entry.state?.data ?? {},
      ...(entry.state?.activity === undefined ? {} : { activity: entry.state.activity }),
      ...(entry.state?.profile === undefined ? {} : { profile: entry.state.profile }),
    })
    const publish = () => {
      const local = link.presence
      if (local === undefined || !link.linked) return
      const state = { userId: user.id, data: local.data, activity: local.activity, profile, typing }
      client
        .publishPresenceState(roomName, typing ? { state, expireAfter: typingExpireMs } : { state })
        .catch(fail('publishPresenceState'))
    }
    const enterNow = () => {
      client.joinRoom(roomName).then((result) => {
        if (link.closed) return
        if (result?.success === false)
          return report(backendError(BACKEND, `joinRoom("${roomName}") was refused.`, result))
        publish()
      }, fail('joinRoom'))
    }

    /** Learns a connection's user (from its state, else its metadata), then shows it. */
    const resolve = async (connectionId: string, metadata?: unknown): Promise<string | undefined> => {
      const entry = known.get(connectionId)
      if (entry?.state !== undefined) return entry.state.userId
      let meta = metadata
      if (meta === undefined) {
        try {
          meta = await client.getConnectionMetadata(connectionId)
        } catch (error) {
          fail('getConnectionMetadata')(error)
        }
      }
      let userId: string | undefined
      try {
        userId = userIdOf(meta, connectionId)
      } catch (error) {
        report(invalidInput(BACKEND, 'userIdOf threw.', error))
      }
      return isNonEmptyString(userId) ? userId : undefined
    }

    const onJoin = async (connectionId: string, version: number | undefined) => {
      if (!known.has(connectionId))
        known.set(connectionId, { userId: '', state: undefined, shown: false, version })
      // A kit client publishes its state right after joining: show it with that state, in one join.
      const [userId] = await Promise.all([resolve(connectionId), wait(stateWaitMs)])
      const entry = known.get(connectionId)
      if (link.closed || entry === undefined || entry.shown) return
      // No user in its metadata: shown once its state (with the kit's userId) arrives.
      if (userId === undefined) return
      entry.userId = entry.state?.userId ?? userId
      entry.shown = true
      sink.join(connectionOf(connectionId, entry))
    }

    const onState = (connectionId: string, raw: unknown, version: number | undefined) => {
      const entry = known.get(connectionId)
      if (raw === null) {
        // Cleared or expired: typing ends; the data stays what it was (a typer re-publishes it).
        if (entry?.state?.typing === true) {
          entry.state = { ...entry.state, typing: false }
          sink.typing({ userId: entry.userId, connectionId, typing: false })
        }
        if (connectionId === client.connectionId && typing) {
          typing = false
          publish()
        }
        return
      }
      const state = readKitState(raw, report)
      if (state === undefined) return
      const wasTyping = entry?.state?.typing === true
      if (entry === undefined || !entry.shown) {
        known.set(connectionId, { userId: state.userId, state, shown: true, version })
        sink.join(connectionOf(connectionId, known.get(connectionId)!))
      } else {
        entry.state = state
        entry.version = version
        if (entry.userId !== state.userId) {
          sink.leave({ connectionId, userId: entry.userId })
          entry.userId = state.userId
          sink.join(connectionOf(connectionId, entry))
        } else {
          sink.update(connectionOf(connectionId, entry))
        }
      }
      if (state.typing) sink.typing({ userId: state.userId, connectionId, typing: true })
      else if (wasTyping) sink.typing({ userId: state.userId, connectionId, typing: false })
    }

    const onUpdate = (update: unknown) => {
      if (link.closed || !link.linked) return
      if (!isPlainObject(update))
        return report(invalidInput(BACKEND, 'a presence update is not an object.', describe(update)))
      // The subscription's first answer comes through the callback too: the snapshot handles it.
      if (update.type === undefined && Array.isArray(update.present)) return
      const { type, connectionId } = update
      if (!isNonEmptyString(connectionId) || (type !== 'join' && type !== 'leave' && type !== 'state')) {
        return report(
          invalidInput(BACKEND, 'a presence update needs a type and a connectionId.', describe(update)),
        )
      }
      const version = versionOf(update.timestamp)
      if (type === 'join') void onJoin(connectionId, version)
      else if (type === 'state') onState(connectionId, update.state, version)
      else {
        const entry = known.get(connectionId)
        known.delete(connectionId)
        if (entry?.shown === true) {
          sink.leave({ connectionId, userId: entry.userId, ...(version === undefined ? {} : { version }) })
        }
      }
    }

    const subscribe = () => {
      const run = ++subscriptions
      client.subscribePresence(roomName, onUpdate).then(
        async (result) => {
          if (link.closed || run !== subscriptions) return
          if (!result.success) {
            return link.fail(
              backendError(
                BACKEND,
                `subscribePresence("${roomName}") was refused (is the room tracked?).`,
                result,
              ),
            )
          }
          const states = isPlainObject(result.states) ? result.states : {}
          const connections: ConnectionInput[] = []
          const fresh = new Map<string, Known>()
          for (const member of result.present as unknown[]) {
            const id = isPlainObject(member) ? member.id : member
            if (!isNonEmptyString(id)) {
              report(invalidInput(BACKEND, 'a present member has no id.', describe(member)))
              continue
            }
            const raw = Object.hasOwn(states, id) ? states[id] : undefined
            const state = raw === undefined || raw === null ? undefined : readKitState(raw, report)
            const metadata = isPlainObject(member) ? member.metadata : undefined
            const userId = state?.userId ?? (await resolve(id, metadata ?? null))
            if (userId === undefined) continue
            const entry: Known = { userId, state, shown: true, version: undefined }
            fresh.set(id, entry)
            connections.push(connectionOf(id, entry))
          }
          if (link.closed || run !== subscriptions) return
          known.clear()
          for (const [id, entry] of fresh) known.set(id, entry)
          const connectionId = client.connectionId
          // A new connection: the presence entered is joined again (owed to this link).
          link.up(isNonEmptyString(connectionId) ? connectionId : undefined)
          sink.snapshot(connections)
        },
        (error: unknown) => link.fail(backendError(BACKEND, 'subscribePresence failed.', error)),
      )
    }

    const onDisconnect = () => {
      if (link.linked) link.down('reconnecting')
    }
    const onReconnect = () => {
      if (!link.closed) subscribe()
    }
    const onFailed = () => link.fail(backendError(BACKEND, 'the client gave up reconnecting.', undefined))

    client.on('disconnect', onDisconnect)
    client.on('reconnect', onReconnect)
    client.on('reconnectfailed', onFailed)
    subscribe()

    return {
      enter: enterNow,
      update: publish,
      leave() {
        typing = false
        // Leaving a room also ends its presence subscription in the client: subscribe again.
        client.leaveRoom(roomName).then(() => {
          if (!link.closed && link.linked) subscribe()
        }, fail('leaveRoom'))
      },
      typing(next) {
        if (next === typing && !next) return
        typing = next
        publish()
      },
      close() {
        client.off('disconnect', onDisconnect)
        client.off('reconnect', onReconnect)
        client.off('reconnectfailed', onFailed)
        if (link.presence !== undefined) client.leaveRoom(roomName).catch(() => {})
        else client.unsubscribePresence(roomName).catch(() => {})
        known.clear()
      },
    }
  }

  return defineAdapter(BACKEND, options, {
    openRoom,
  })
}
