import type { ConnectOptions } from '../shared/environment.js'
/** One actor's presence as the NoLag SDK reports it (seed 001's `ActorPresence`). */
export interface ActorPresence {
  readonly actorTokenId: string
  readonly actorType?: 'device' | 'user' | 'server'
  readonly presence: Readonly<Record<string, unknown>>
  readonly joinedAt?: number
}

export type NoLagPresenceEvent = 'presence:join' | 'presence:leave' | 'presence:update'
export type NoLagConnectionEvent = 'connected' | 'disconnected'

/**
 * The documented surface of the NoLag JS SDK (its package is not published here, so any object
 * with these methods will do). Presence is per client, not per room.
 */
export interface NoLagClientLike {
  setPresence(presence: Record<string, unknown>): unknown
  getPresence(): readonly ActorPresence[]
  fetchPresence(): Promise<readonly ActorPresence[]>
  on(event: NoLagPresenceEvent, handler: (actor: ActorPresence) => void): unknown
  on(event: NoLagConnectionEvent, handler: () => void): unknown
  off(event: NoLagPresenceEvent, handler: (actor: ActorPresence) => void): unknown
  off(event: NoLagConnectionEvent, handler: () => void): unknown
  /** This client's actor id, as others see it. */
  readonly actorTokenId?: string
  /** True while connected, when the SDK says. */
  readonly connected?: boolean
}

export interface NoLagAdapterOptions extends ConnectOptions {
  client: NoLagClientLike
  /** This client's actor id, when the client object does not expose `actorTokenId`. */
  actorTokenId?: string
}
