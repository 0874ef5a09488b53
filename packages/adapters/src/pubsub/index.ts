export { createPubSubAdapter } from './adapter.js'
export type { PresencePacket, PubSubAdapterOptions, PubSubClientLike, PubSubMessage } from './types.js'
