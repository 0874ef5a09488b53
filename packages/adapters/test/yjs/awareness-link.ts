import {
  Awareness,
  applyAwarenessUpdate,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness'
import * as Y from 'yjs'
import type { YjsProviderLike } from '../../src/yjs/index.js'

type Listener = (...args: any[]) => void

/**
 * A provider for one awareness, linked to the others in process. It behaves as y-websocket's
 * `WebsocketProvider` does with a server in between: updates travel to every linked awareness
 * (origin: the receiving provider); when a link drops, that client removes every remote state with
 * itself as origin and then reports `disconnected`, while the others remove the dropped client's
 * state; when it comes back it reports `connected`, receives every state as the others hold it
 * (same clocks) and sends its own, then reports `sync`.
 */
export class LinkedProvider implements YjsProviderLike {
  readonly doc = new Y.Doc()
  readonly awareness = new Awareness(this.doc)
  synced = false
  connected = false
  readonly #listeners = new Map<string, Set<Listener>>()
  readonly #link: AwarenessLink

  constructor(link: AwarenessLink) {
    this.#link = link
    this.awareness.on('update', ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
      // What this provider applied came from the link: only local changes go out.
      if (origin === this || !this.connected) return
      this.#link.relay(this, [...added!, ...updated!, ...removed!])
    })
  }

  on(event: string, listener: Listener): void {
    let set = this.#listeners.get(event)
    if (set === undefined) this.#listeners.set(event, (set = new Set()))
    set.add(listener)
  }

  off(event: string, listener: Listener): void {
    this.#listeners.get(event)?.delete(listener)
  }

  emit(event: string, ...args: unknown[]): void {
    for (const listener of Array.from(this.#listeners.get(event) ?? [])) listener(...args)
  }

  destroy(): void {
    this.awareness.destroy()
    this.doc.destroy()
  }
}

export class AwarenessLink {
  readonly providers: LinkedProvider[] = []

  /** A new awareness, linked (connected and synced) unless `linked` is false. */
  add(linked = true): LinkedProvider {
    const provider = new LinkedProvider(this)
    this.providers.push(provider)
    if (linked) this.restore(provider)
    return provider
  }

  relay(from: LinkedProvider, clients: readonly number[]): void {
    const update = encodeAwarenessUpdate(from.awareness, [...clients])
    for (const to of this.providers) {
      if (to !== from && to.connected) applyAwarenessUpdate(to.awareness, update, to)
    }
  }

  drop(provider: LinkedProvider): void {
    if (!provider.connected) return
    provider.connected = false
    provider.synced = false
    const remote = Array.from(provider.awareness.getStates().keys()).filter(
      (id) => id !== provider.awareness.clientID,
    )
    removeAwarenessStates(provider.awareness, remote, provider)
    provider.emit('status', { status: 'disconnected' })
    for (const other of this.providers) {
      if (other !== provider && other.connected) {
        removeAwarenessStates(other.awareness, [provider.awareness.clientID], other)
      }
    }
  }

  restore(provider: LinkedProvider): void {
    if (provider.connected) return
    provider.connected = true
    provider.emit('status', { status: 'connected' })
    for (const other of this.providers) {
      if (other === provider || !other.connected) continue
      const states = Array.from(other.awareness.getStates().keys())
      if (states.length > 0)
        applyAwarenessUpdate(provider.awareness, encodeAwarenessUpdate(other.awareness, states), provider)
      if (provider.awareness.getLocalState() !== null) {
        const own = encodeAwarenessUpdate(provider.awareness, [provider.awareness.clientID])
        applyAwarenessUpdate(other.awareness, own, other)
      }
    }
    provider.synced = true
    provider.emit('sync', true)
  }

  destroy(): void {
    for (const provider of this.providers.splice(0)) provider.destroy()
  }
}
