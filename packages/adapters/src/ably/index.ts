export { createAblyAdapter } from './adapter.js'
export { isNewer, isSynthesized, type PresenceOrder } from './newness.js'
export type { AblyAdapterOptions, AblyChannelLike, AblyPresenceLike, AblyRealtimeLike } from './types.js'
