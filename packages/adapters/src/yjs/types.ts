import type { ConnectOptions } from '../shared/environment.js'
import type { Awareness } from 'y-protocols/awareness'

/**
 * A Yjs provider (y-websocket's `WebsocketProvider`, y-webrtc's, a custom one): the adapter only
 * listens to its `status` (`{ status: 'connected' | 'disconnected' | 'connecting' }`) and `sync`
 * (`true` once the first exchange after a connection is done) events.
 */
export interface YjsProviderLike {
  on(event: 'status' | 'sync', listener: (...args: any[]) => void): void
  off(event: 'status' | 'sync', listener: (...args: any[]) => void): void
  /** True when the provider has already synced (y-websocket's `synced`). */
  readonly synced?: boolean
}

export interface YjsAdapterOptions extends ConnectOptions {
  /** The document's awareness (`provider.awareness`), or one per room. */
  awareness: Awareness | ((room: string) => Awareness)
  /**
   * The provider that links the awareness, for the link's status. Without one the awareness is
   * taken as linked from the start (an app that links it itself).
   */
  provider?: YjsProviderLike | ((room: string) => YjsProviderLike | undefined)
  /**
   * The field of the awareness state the kit owns: `{ userId, data, activity, profile, typing }`;
   * the rest of the state (cursors, `user: { name, color }`) is left as the app sets it.
   * @default 'presence'
   */
  field?: string
}
