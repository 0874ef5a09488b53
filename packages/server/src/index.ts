export { createPresenceServer, type PresenceServer } from './presence-server.js'
export { createPresenceToken, verifyPresenceToken, type PresenceTokenOptions } from './token.js'
export type { PresenceIdentity } from './identity.js'
export {
  DEFAULT_BATCH_WINDOW_MS,
  DEFAULT_CLUSTER_TIMINGS,
  DEFAULT_LIMITS,
  type Authenticate,
  type Authorize,
  type ClusterTimings,
  type Handshake,
  type PresenceLimits,
  type PresenceServerOptions,
  type RoomAction,
} from './options.js'
export { PresenceServerError, isPresenceServerError, type ServerErrorCode } from './errors.js'
export { createJsonLogger, type JsonLoggerOptions, type LogLevel, type PresenceLogger } from './logger.js'
export type { HealthReport } from './health.js'
export type { ClusterStatus } from './cluster-link.js'
export * from './protocol.js'
