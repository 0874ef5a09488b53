export { createPrsmAdapter } from './adapter.js'
export { readKitState, type KitState } from './read-state.js'
export type { PrsmAdapterOptions, PrsmClientLike } from './types.js'
