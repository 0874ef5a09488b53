export { createNoLagAdapter } from './adapter.js'
export type {
  ActorPresence,
  NoLagAdapterOptions,
  NoLagClientLike,
  NoLagConnectionEvent,
  NoLagPresenceEvent,
} from './types.js'
