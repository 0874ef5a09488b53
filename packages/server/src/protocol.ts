// The wire protocol lives in @presence-kit/protocol, shared with the Socket.IO client; the server
// re-exports it so its users need one import.
export {
  CLIENT_EVENTS,
  PROTOCOL_VERSION,
  SERVER_EVENTS,
  type BatchChange,
  type BatchMessage,
  type ConnectionMessage,
  type CountMessage,
  type ErrorMessage,
  type LeaveMessage,
  type SnapshotMessage,
  type TypingMessage,
  type WelcomeMessage,
  type WireAck,
  type WireActivity,
  type WireConnection,
  type WireData,
  type WireJson,
  type WireProfile,
} from '@presence-kit/protocol'
