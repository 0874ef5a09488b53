import type { PresenceAdapter, PresenceData } from '@presence-kit/core'
import { isNonEmptyString, isPlainObject } from '@presence-kit/protocol'
import { defineAdapter } from '../shared/define-adapter.js'
import type { BackendRoom, RoomLink } from '../shared/room-link.js'
import { backendError, describe, invalidInput, readActivity } from '../shared/wire.js'
import { PubSubRoster } from './roster.js'
import type { PresencePacket, PubSubAdapterOptions, PubSubMessage } from './types.js'

const BACKEND = 'pubsub'
/** How long to gather newcomers before re-sending our own presence to them (the seed's batching). */
const RESEND_AFTER_MS = 100
/** The subscription handler for the presence topic itself: being subscribed is what counts. */
const ignore = () => {}

/**
 * Presence over the pub/sub SDK of seed 000. Being subscribed to the room's topic is being online
 * (`onPresence` reports `online` / `offline` per client id, with the current `subscribers` when
 * the SDK sends them). The SDK carries no presence data, so the kit publishes `{ data, activity }`
 * on a side topic and re-sends it when someone comes online or asks (`{ request: 'state' }`, sent
 * after every connection, since the SDK has no roster call); typing goes as `'start'` / `'stop'`
 * on the typing topic, as in the SDK's own typing pattern.
 */
export function createPubSubAdapter(options: PubSubAdapterOptions): PresenceAdapter {
  const { client } = options
  const topicOf = options.topic ?? ((room: string) => room)
  const userIdOf = options.userIdOf ?? ((clientId: string) => clientId)
  const presenceTopicOf = options.presenceTopic ?? ((topic: string) => `${topic}:presence`)
  const typingTopicOf = options.typingTopic ?? ((topic: string) => `${topic}:typing`)
  const gatherMs = options.gatherMs ?? 250

  function openRoom(link: RoomLink): BackendRoom {
    const { room, sink } = link
    const topic = topicOf(room)
    const presenceTopic = presenceTopicOf(topic)
    const typingTopic = typingTopicOf(topic)
    const ownId = options.clientId ?? client.clientId
    const roster = new PubSubRoster(userIdOf, sink, gatherMs)
    let resendTimer: ReturnType<typeof setTimeout> | undefined
    let gatherTimer: ReturnType<typeof setTimeout> | undefined

    const report = (error: unknown) => link.report(error)
    const attempt = (what: string, call: () => unknown) => {
      try {
        Promise.resolve(call()).catch((error: unknown) =>
          report(backendError(BACKEND, `${what} failed.`, error)),
        )
      } catch (error) {
        report(backendError(BACKEND, `${what} failed.`, error))
      }
    }
    const publishOwn = () => {
      const presence = link.presence
      if (presence === undefined || !link.linked) return
      attempt('publishing presence', () =>
        client.publish(presenceTopic, { data: presence.data, activity: presence.activity }),
      )
    }
    const resendSoon = () => {
      if (link.presence === undefined || resendTimer !== undefined) return
      resendTimer = setTimeout(() => {
        resendTimer = undefined
        publishOwn()
      }, RESEND_AFTER_MS)
    }

    const onPacket = (packet: PresencePacket) => {
      if (link.closed) return
      const raw: unknown = packet
      if (
        !isPlainObject(raw) ||
        !isNonEmptyString(raw.clientId) ||
        (raw.status !== 'online' && raw.status !== 'offline') ||
        typeof raw.timestamp !== 'number' ||
        !Number.isFinite(raw.timestamp) ||
        (raw.subscribers !== undefined &&
          (!Array.isArray(raw.subscribers) || !raw.subscribers.every(isNonEmptyString)))
      ) {
        return report(
          invalidInput(BACKEND, 'a presence packet needs { clientId, status, timestamp }.', describe(raw)),
        )
      }
      if (raw.topic !== undefined && raw.topic !== topic) return
      const { clientId, status, timestamp, subscribers } = raw as unknown as PresencePacket
      if (status === 'online') {
        if (roster.online(clientId, timestamp) && clientId !== ownId) resendSoon()
      } else {
        roster.offline(clientId, timestamp)
      }
      if (subscribers !== undefined) roster.subscribers(subscribers)
    }

    const onPresenceMessage = (message: PubSubMessage) => {
      if (link.closed) return
      const raw: unknown = message
      const payload = isPlainObject(raw) ? raw.payload : undefined
      if (
        isPlainObject(raw) &&
        isNonEmptyString(raw.senderId) &&
        isPlainObject(payload) &&
        payload.request === 'state'
      ) {
        if (raw.senderId !== ownId) resendSoon()
        return
      }
      if (
        !isPlainObject(raw) ||
        !isNonEmptyString(raw.senderId) ||
        !isPlainObject(payload) ||
        !isPlainObject(payload.data)
      ) {
        return report(
          invalidInput(BACKEND, `"${presenceTopic}" needs { senderId, payload: { data } }.`, describe(raw)),
        )
      }
      // Freshly parsed: the store freezes what it keeps.
      const data = JSON.parse(JSON.stringify(payload.data)) as PresenceData
      roster.state(raw.senderId, data, readActivity(payload.activity))
    }

    const onTyping = (message: PubSubMessage) => {
      if (link.closed) return
      const raw: unknown = message
      const payload = isPlainObject(raw) ? raw.payload : undefined
      if (
        !isPlainObject(raw) ||
        !isNonEmptyString(raw.senderId) ||
        (payload !== 'start' && payload !== 'stop')
      ) {
        return report(
          invalidInput(
            BACKEND,
            `"${typingTopic}" needs { senderId, payload: 'start' | 'stop' }.`,
            describe(raw),
          ),
        )
      }
      sink.typing({ userId: userIdOf(raw.senderId), connectionId: raw.senderId, typing: payload === 'start' })
    }

    const enterNow = () => {
      attempt('subscribing', () => client.subscribe(topic, ignore))
      publishOwn()
    }
    const linkUp = () => {
      if (link.closed || link.linked) return
      // Entered before the first link: sent by the skeleton as it reports the link up.
      link.up(ownId)
      // The SDK has no roster call: ask the room's kit clients to re-send their presence, gather
      // the answers for a moment, and hand over what is known as the snapshot.
      roster.gather()
      attempt('asking for presence', () => client.publish(presenceTopic, { request: 'state' }))
      clearTimeout(gatherTimer)
      gatherTimer = setTimeout(() => {
        if (!link.closed && link.linked) roster.deliverSnapshot()
      }, gatherMs)
    }
    const linkDown = () => {
      if (link.linked) link.down('reconnecting')
    }

    attempt('subscribing to presence data', () => client.subscribe(presenceTopic, onPresenceMessage))
    attempt('subscribing to typing', () => client.subscribe(typingTopic, onTyping))
    client.on?.('connected', linkUp)
    client.on?.('disconnected', linkDown)
    Promise.resolve()
      .then(() => client.onPresence(topic, onPacket))
      .then(linkUp, (error: unknown) => link.fail(backendError(BACKEND, 'onPresence failed.', error)))

    return {
      enter: enterNow,
      update: publishOwn,
      leave() {
        attempt('unsubscribing', () => client.unsubscribe(topic, ignore))
      },
      typing(typing) {
        attempt('publishing typing', () => client.publish(typingTopic, typing ? 'start' : 'stop'))
      },
      close() {
        clearTimeout(resendTimer)
        clearTimeout(gatherTimer)
        roster.clear()
        client.offPresence(topic, onPacket)
        client.off?.('connected', linkUp)
        client.off?.('disconnected', linkDown)
        attempt('unsubscribing', () => client.unsubscribe(presenceTopic, onPresenceMessage))
        attempt('unsubscribing', () => client.unsubscribe(typingTopic, onTyping))
      },
    }
  }

  return defineAdapter(BACKEND, options, {
    leaveOnClose: true,
    openRoom,
  })
}
