export { createYjsAdapter } from './adapter.js'
export { readClientState, type ClientPresence } from './read-state.js'
export type { YjsAdapterOptions, YjsProviderLike } from './types.js'
