// Modules the examples import that this workspace does not install, written from their documented
// surface (the parts the adapters use). `phoenix` has its own, in the adapters' test support.

declare module 'y-websocket' {
  import type { Awareness } from 'y-protocols/awareness'
  import type { Doc } from 'yjs'

  export class WebsocketProvider {
    constructor(serverUrl: string, roomName: string, doc: Doc, options?: { connect?: boolean })
    readonly awareness: Awareness
    readonly synced: boolean
    on(event: 'status' | 'sync', listener: (...args: any[]) => void): void
    off(event: 'status' | 'sync', listener: (...args: any[]) => void): void
    destroy(): void
  }
}

declare module '@nolag/js-sdk' {
  import type { NoLagClientLike } from '@presence-kit/adapters/nolag'

  export interface NoLagClient extends NoLagClientLike {
    connect(): Promise<void>
    disconnect(): void
  }
  export function NoLag(accessToken: string): NoLagClient
}
