export {
  PROTOCOL_VERSION,
  CLIENT_EVENTS,
  SERVER_EVENTS,
  type ClientEvent,
  type ServerEvent,
} from './events.js'
export type {
  BatchChange,
  BatchMessage,
  ConnectionMessage,
  CountMessage,
  ErrorMessage,
  LeaveMessage,
  SnapshotMessage,
  TypingMessage,
  WelcomeMessage,
  WireAck,
  WireActivity,
  WireConnection,
  WireData,
  WireJson,
  WireProfile,
} from './frames.js'
export { ERROR_CODES, WireError, isErrorCode, isWireError, type ErrorCode } from './error-codes.js'
export {
  isFiniteNumber,
  isJsonValue,
  isNonEmptyString,
  isPlainObject,
  jsonBytes,
  utf8Length,
} from './guards.js'
export {
  MAX_DATA_DEPTH,
  readActivity,
  readBody,
  readData,
  readRoom,
  readTypingFlag,
} from './read-client-frames.js'
export {
  readConnection,
  readConnectionMessage,
  readLeave,
  readServerError,
  readSnapshot,
  readTyping,
  roomOf,
  type ServerError,
  type WireLeave,
  type WireTyping,
} from './read-server-frames.js'
export { readBatch, type WireBatch, type WireChange } from './read-batch.js'
export { MAX_ROOM_COUNT, readCount } from './read-count.js'
