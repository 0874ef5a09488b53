import type { PresenceAdapter } from '@presence-kit/core'
import { outdatedTimeout, type Awareness } from 'y-protocols/awareness'
import { defineAdapter } from '../shared/define-adapter.js'
import type { BackendRoom, RoomLink } from '../shared/room-link.js'
import { profileOf } from '../shared/wire.js'
import { readClientState, type ClientPresence } from './read-state.js'
import type { YjsAdapterOptions, YjsProviderLike } from './types.js'

const BACKEND = 'yjs'

interface AwarenessChanges {
  readonly added: readonly number[]
  readonly updated: readonly number[]
  readonly removed: readonly number[]
}

/**
 * Presence over Yjs awareness (`y-protocols`). Each awareness client is a connection (its
 * `clientID`, ordered by its clock), grouped by the `userId` in the kit's field of its state. Typing
 * is a flag in that field: awareness is already the ephemeral channel, and receivers expire it on
 * their own clock. A client the awareness drops as outdated (no renewal for 30 s) leaves; when it
 * comes back with a newer clock it joins again.
 */
export function createYjsAdapter(options: YjsAdapterOptions): PresenceAdapter {
  const field = options.field ?? 'presence'

  function openRoom(link: RoomLink): BackendRoom {
    const { room, user, sink } = link
    const awareness: Awareness =
      typeof options.awareness === 'function' ? options.awareness(room) : options.awareness
    const provider: YjsProviderLike | undefined =
      typeof options.provider === 'function' ? options.provider(room) : options.provider
    const ownId = awareness.clientID
    const profile = profileOf(user)
    const report = (error: unknown) => link.report(error)
    /** What the store has been told about each client. */
    const known = new Map<number, ClientPresence>()
    /**
     * Remote clients the provider removed when our link dropped (y-websocket does). They may still
     * be there, and a provider re-sends their states with the clocks we already have, which the
     * awareness ignores: they stay until they renew or one outdated timeout has passed.
     */
    const unconfirmed = new Map<number, ClientPresence>()
    let unconfirmedTimer: ReturnType<typeof setTimeout> | undefined
    let typing = false
    let awaitingSync = false

    const clockOf = (id: number) => awareness.meta.get(id)?.clock ?? 0
    const leaveOf = (id: number, was: ClientPresence) =>
      sink.leave({ connectionId: String(id), userId: was.connection.userId, version: clockOf(id) })

    function apply(id: number): void {
      unconfirmed.delete(id)
      const next = readClientState(id, awareness.getStates().get(id), clockOf(id), field, report)
      let previous = known.get(id)
      if (next === undefined) {
        if (previous === undefined) return
        known.delete(id)
        leaveOf(id, previous)
        return
      }
      if (previous !== undefined && previous.connection.userId !== next.connection.userId) {
        leaveOf(id, previous)
        previous = undefined
      }
      known.set(id, next)
      if (previous === undefined) sink.join(next.connection)
      else if (previous.fingerprint !== next.fingerprint) sink.update(next.connection)
      const { userId, connectionId } = next.connection
      // Every renewal of a typing state refreshes the receiver's time-to-live.
      if (next.typing) sink.typing({ userId, connectionId, typing: true })
      else if (previous?.typing === true) sink.typing({ userId, connectionId, typing: false })
    }

    function snapshot(): void {
      awaitingSync = false
      const connections = []
      const seen = new Set<number>()
      for (const [id, state] of awareness.getStates()) {
        const read = readClientState(id, state, clockOf(id), field, report)
        if (read === undefined) continue
        seen.add(id)
        known.set(id, read)
        connections.push(read.connection)
      }
      for (const [id, read] of unconfirmed) {
        if (seen.has(id)) unconfirmed.delete(id)
        else connections.push(read.connection)
      }
      for (const id of Array.from(known.keys())) if (!seen.has(id) && !unconfirmed.has(id)) known.delete(id)
      sink.snapshot(connections)
      clearTimeout(unconfirmedTimer)
      if (unconfirmed.size > 0) unconfirmedTimer = setTimeout(expireUnconfirmed, outdatedTimeout)
    }

    function expireUnconfirmed(): void {
      for (const [id, read] of Array.from(unconfirmed)) {
        unconfirmed.delete(id)
        known.delete(id)
        leaveOf(id, read)
      }
    }

    const onUpdate = (changes: AwarenessChanges, origin: unknown) => {
      if (link.closed) return
      for (const id of changes.added) apply(id)
      for (const id of changes.updated) apply(id)
      if (changes.removed.length === 0) return
      if (provider === undefined || origin !== provider) {
        for (const id of changes.removed) apply(id)
        return
      }
      // A provider removes every remote state just before it reports the link down: wait for that.
      const removed = [...changes.removed]
      queueMicrotask(() => {
        if (link.closed) return
        for (const id of removed) {
          const was = known.get(id)
          if (link.linked || was === undefined || id === ownId) apply(id)
          else unconfirmed.set(id, was)
        }
      })
    }

    const linkUp = () => {
      if (link.linked) return
      link.up(String(ownId))
      awaitingSync = provider !== undefined
      if (!awaitingSync) snapshot()
    }
    const onStatus = (event: { status?: unknown } | undefined) => {
      if (link.closed) return
      if (event?.status === 'connected') linkUp()
      else if (event?.status === 'disconnected' && link.linked) link.down('reconnecting')
    }
    const onSync = (synced: unknown) => {
      if (link.closed || synced !== true) return
      linkUp()
      if (awaitingSync) snapshot()
    }

    const publish = () => {
      const local = link.presence
      const value =
        local === undefined
          ? null
          : { userId: user.id, data: local.data, activity: local.activity, profile, typing }
      // Another part of the app may own the rest of the state (cursors): only the kit's field changes.
      const current = awareness.getLocalState()
      awareness.setLocalState({ ...current, [field]: value })
    }

    awareness.on('update', onUpdate)
    provider?.on('status', onStatus)
    provider?.on('sync', onSync)
    if (provider === undefined || provider.synced === true) {
      linkUp()
      if (awaitingSync) snapshot()
    }

    return {
      enter: publish,
      update: publish,
      leave() {
        typing = false
        publish()
      },
      typing(next) {
        // A repeated `true` is sent again on purpose: it renews the signal for receivers.
        if (typing === next && !next) return
        typing = next
        publish()
      },
      close() {
        clearTimeout(unconfirmedTimer)
        awareness.off('update', onUpdate)
        provider?.off('status', onStatus)
        provider?.off('sync', onSync)
        known.clear()
        unconfirmed.clear()
      },
    }
  }

  return defineAdapter(BACKEND, options, {
    // The awareness keeps the local state while the provider is offline and sends it on reconnect.
    sendsWhileDown: true,
    // The awareness and provider are the app's: only the kit's field is withdrawn.
    leaveOnClose: true,
    openRoom,
  })
}
