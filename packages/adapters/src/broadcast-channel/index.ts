export { createBroadcastChannelAdapter } from './adapter.js'
export { browserLifecycle } from './lifecycle.js'
export { readTabMessage, type TabMessage } from './messages.js'
export type { BroadcastChannelAdapterOptions, BroadcastChannelLike, PageLifecycleLike } from './types.js'
