export { createPhoenixAdapter } from './adapter.js'
export { PhoenixPresenceMap, type PresenceChange, type PresenceMapOptions } from './presence-map.js'
export type {
  PhoenixAdapterOptions,
  PhoenixChannel,
  PhoenixMetaReading,
  PhoenixPush,
  PhoenixSocket,
} from './types.js'
