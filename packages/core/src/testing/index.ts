export { createMemoryHub } from './memory-hub.js'
export type {
  DeliveryMode,
  DisconnectOptions,
  HubConnection,
  HubStats,
  InjectedMessage,
  MemoryAdapter,
  MemoryAdapterOptions,
  MemoryHub,
  MemoryHubOptions,
  PendingMessage,
  ReconnectOptions,
  SinkMethod,
  VirtualConnectionChange,
  VirtualConnectionInit,
} from './memory-hub-types.js'
export {
  createSimulatedCrowd,
  type SimulatedCrowd,
  type SimulatedCrowdOptions,
  type SimulatedCrowdSettings,
  type SimulatedCrowdStats,
} from './simulated-crowd.js'
export type { SimulatedActivity } from './crowd-activity.js'
export { createRandom, type Random } from './random.js'
export { countAdapterCalls, type AdapterCallCounts } from './counted-adapter.js'
export { failAdapterCalls, type AdapterFailure, type AdapterRoomMethod } from './failing-adapter.js'
export { countOnlyAdapter } from './count-only-adapter.js'
