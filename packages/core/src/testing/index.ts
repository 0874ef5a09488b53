export {
  createMemoryHub,
  type HubDelivery,
  type HubMessage,
  type MemoryHub,
  type MemoryHubOptions,
  type VirtualConnection,
} from './memory-hub.js'
export {
  createSimulatedCrowd,
  type SimulatedCrowd,
  type SimulatedCrowdOptions,
  type SimulatedCrowdStats,
} from './simulated-crowd.js'
export { createSeededRandom, type SeededRandom } from './random.js'
