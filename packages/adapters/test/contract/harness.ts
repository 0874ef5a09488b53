import type { PresenceAdapter, PresenceData } from '@presence-kit/core'

/** A remote connection in one room, driven from outside the kit (a server process, another SDK client). */
export interface ContractPeer {
  readonly userId: string
  join(data: PresenceData): Promise<void>
  update(data: PresenceData): Promise<void>
  leave(): Promise<void>
  typing(typing: boolean): Promise<void>
}

/** One backend, set up fresh for each contract test. */
export interface ContractBackend {
  /** A new client connection (one tab) for `userId`: the adapter under test. */
  createAdapter(userId: string): PresenceAdapter | Promise<PresenceAdapter>
  /** A remote connection of `userId` in `room`. */
  createPeer(room: string, userId: string): ContractPeer | Promise<ContractPeer>
  /**
   * Cuts the adapter's link. The backend drops its presence, as a server does when a socket
   * closes; the adapter must report `reconnecting`.
   */
  dropLink(adapter: PresenceAdapter): Promise<void>
  /** Lets the adapter's link come back (it reconnects by itself or is reconnected here). */
  restoreLink(adapter: PresenceAdapter): Promise<void>
  /** Delivers one message the adapter cannot map (wrong types, missing fields) into `room`. */
  sendMalformed(room: string): Promise<void>
  /** Resolves once messages in flight have been delivered. */
  settle(): Promise<void>
  close(): Promise<void>
}

export interface ContractHarness {
  setup(): Promise<ContractBackend>
  /** How long one test may take, for backends with real sockets. @default 15000 */
  timeoutMs?: number
}
