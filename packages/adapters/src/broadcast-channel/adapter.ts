import { PresenceError, type ConnectionInput, type PresenceAdapter } from '@presence-kit/core'
import { createConnectionId } from '../shared/connection-id.js'
import { defineAdapter } from '../shared/define-adapter.js'
import type { BackendRoom, RoomLink } from '../shared/room-link.js'
import { profileOf } from '../shared/wire.js'
import { browserLifecycle } from './lifecycle.js'
import { readTabMessage, type TabMessage } from './messages.js'
import type { BroadcastChannelAdapterOptions, BroadcastChannelLike } from './types.js'

const BACKEND = 'broadcast-channel'

interface Tab {
  connection: ConnectionInput
  seq: number
  heardAt: number
}

const unavailable: BackendRoom = { enter() {}, update() {}, leave() {}, typing() {}, close() {} }

/**
 * Presence among the tabs of one browser, with no server: each room is a `BroadcastChannel`, each
 * tab a connection. A tab that opens a room says `hello` and the others answer with their state;
 * every change is sent as it happens, numbered (`seq`) so late copies are dropped; a tab that is
 * there says so every `heartbeatMs` and is dropped after three silent ones (a crashed tab); a tab
 * that closes says `leave`, and a frozen one stops counting until it resumes.
 */
export function createBroadcastChannelAdapter(options: BroadcastChannelAdapterOptions = {}): PresenceAdapter {
  const nameOf = options.channelName ?? ((room: string) => `presence-kit:${room}`)
  const heartbeatMs = options.heartbeatMs ?? 5_000
  const gatherMs = options.gatherMs ?? 100
  const lifecycle = options.lifecycle ?? browserLifecycle

  function createChannel(name: string): BroadcastChannelLike | undefined {
    if (options.createChannel !== undefined) return options.createChannel(name)
    const Channel = (globalThis as { BroadcastChannel?: new (name: string) => BroadcastChannelLike })
      .BroadcastChannel
    return Channel === undefined ? undefined : new Channel(name)
  }

  function openRoom(link: RoomLink): BackendRoom {
    const { room, user, sink } = link
    const channel = createChannel(nameOf(room))
    if (channel === undefined) {
      link.fail(
        new PresenceError(
          'invalid-state',
          'BroadcastChannel is not available here (a server, or an old browser).',
        ),
      )
      return unavailable
    }
    const own = createConnectionId()
    const profile = profileOf(user)
    const tabs = new Map<string, Tab>()
    // Tabs heard alive but unknown here, already asked for their state (so a tab whose state this
    // one cannot read is asked once, not at each heartbeat).
    const askedAbout = new Set<string>()
    const report = (error: unknown) => link.report(error)
    let seq = 0
    let paused = false
    let gathering = false
    let gatherTimer: ReturnType<typeof setTimeout> | undefined

    const post = (message: TabMessage) => {
      if (paused || link.closed) return
      try {
        // BroadcastChannel's postMessage has no target origin: it reaches only this origin.
        // oxlint-disable-next-line unicorn/require-post-message-target-origin
        channel.postMessage(message)
      } catch (error) {
        report(new PresenceError('adapter-error', `${BACKEND}: could not post a message.`, { cause: error }))
      }
    }
    const sendState = () => {
      const local = link.presence
      if (local === undefined) return
      post({
        type: 'state',
        from: own,
        userId: user.id,
        seq: ++seq,
        data: local.data,
        activity: local.activity,
        profile,
      })
    }

    const drop = (from: string, tab: Tab, version: number) => {
      tabs.delete(from)
      if (!gathering) sink.leave({ connectionId: from, userId: tab.connection.userId, version })
    }

    const onMessage = (event: { readonly data: unknown }) => {
      if (paused || link.closed) return
      const message = readTabMessage(event.data, report)
      if (message === undefined || message.from === own) return
      const tab = tabs.get(message.from)
      switch (message.type) {
        case 'hello':
          // Answer straight away: the newcomer gathers answers for a moment.
          sendState()
          return
        case 'alive':
          if (tab !== undefined) tab.heardAt = Date.now()
          // A tab this one dropped (its heartbeats came too late: a throttled background tab) is
          // still there: ask again, once, and its state brings it back.
          else if (!askedAbout.has(message.from)) {
            askedAbout.add(message.from)
            sendHello()
          }
          return
        case 'state': {
          if (tab !== undefined && message.seq <= tab.seq) return
          const connection: ConnectionInput = {
            connectionId: message.from,
            userId: message.userId,
            data: message.data,
            version: message.seq,
            ...(message.activity === undefined ? {} : { activity: message.activity }),
            ...(message.profile === undefined ? {} : { profile: message.profile }),
          }
          if (tab !== undefined && tab.connection.userId !== message.userId)
            drop(message.from, tab, message.seq)
          askedAbout.delete(message.from)
          const known = tabs.has(message.from)
          tabs.set(message.from, { connection, seq: message.seq, heardAt: Date.now() })
          if (gathering) return
          if (known) sink.update(connection)
          else sink.join(connection)
          return
        }
        case 'leave':
          if (tab !== undefined && message.seq >= tab.seq) drop(message.from, tab, message.seq)
          return
        case 'typing':
          if (tab !== undefined)
            sink.typing({ userId: tab.connection.userId, connectionId: message.from, typing: message.typing })
          return
      }
    }

    const sendHello = () => post({ type: 'hello', from: own })

    const linkUp = () => {
      link.up(own)
      gathering = true
      sendHello()
      clearTimeout(gatherTimer)
      gatherTimer = setTimeout(() => {
        gathering = false
        if (!link.closed && !paused) sink.snapshot(Array.from(tabs.values(), (tab) => tab.connection))
      }, gatherMs)
    }

    let tickedAt = Date.now()
    const heartbeat = setInterval(() => {
      if (paused || link.closed) return
      if (link.presence !== undefined) post({ type: 'alive', from: own })
      const now = Date.now()
      const late = now - tickedAt > heartbeatMs * 2
      tickedAt = now
      // A late tick means this tab was the one held up (a long task, a throttled timer): what the
      // others said meanwhile is still queued, so their silence proves nothing yet.
      if (late) return
      const silentSince = now - heartbeatMs * 3
      for (const [from, tab] of Array.from(tabs)) if (tab.heardAt < silentSince) drop(from, tab, tab.seq)
    }, heartbeatMs)

    const stopLifecycle = lifecycle.listen({
      pause() {
        if (paused || link.closed) return
        paused = true
        link.down('reconnecting')
      },
      resume() {
        if (!paused || link.closed) return
        paused = false
        // The others may have dropped this tab meanwhile: what it says now is newer (seq).
        for (const tab of tabs.values()) tab.heardAt = Date.now()
        linkUp()
      },
      unload() {
        // The page is going: say so, then say nothing more. A page still reports itself hidden
        // after this, and a state sent then (newer by seq) would bring the tab back to the others
        // until its heartbeats ran out.
        link.close()
      },
    })

    channel.addEventListener('message', onMessage)
    linkUp()

    return {
      enter: sendState,
      update: sendState,
      leave() {
        post({ type: 'leave', from: own, userId: user.id, seq: ++seq })
      },
      typing(typing) {
        post({ type: 'typing', from: own, userId: user.id, typing })
      },
      close() {
        clearInterval(heartbeat)
        clearTimeout(gatherTimer)
        stopLifecycle()
        channel.removeEventListener('message', onMessage)
        channel.close()
        tabs.clear()
        askedAbout.clear()
      },
    }
  }

  return defineAdapter(BACKEND, options, {
    leaveOnClose: true,
    openRoom,
  })
}
