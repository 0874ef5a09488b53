export { createPresenceClient, type PresenceClient } from './client.js'
export { createServerRenderingClient, isBrowser } from './server-rendering-client.js'
export { Room, type PresenceUpdate } from './room.js'
export type { PresenceClientOptions, TypingOptions, ResolveUser } from './options.js'
export type { Roster, RosterFactory } from './model/roster.js'
export type {
  PresenceObject,
  PresenceShape,
  Register,
  RegisteredPresence,
  RegisteredUser,
} from './register.js'
export type {
  ActivityReport,
  Connection,
  ConnectionStatus,
  Json,
  Member,
  PresenceData,
  PresenceStatus,
  RegisteredMember,
  RoomState,
  SelfUser,
  UserInfo,
} from './types.js'
export type {
  ChangeEvent,
  ErrorEvent,
  JoinEvent,
  LeaveEvent,
  PresenceEvent,
  PresenceEventMap,
  PresenceEventName,
  PresenceListener,
  StatusEvent,
  SyncEvent,
  TypingEvent,
  UpdateEvent,
} from './events.js'
export { PresenceError, isPresenceError, type PresenceErrorCode } from './errors.js'
export { isValidRoomName, MAX_ROOM_NAME_LENGTH } from './room-name.js'
export type {
  AdapterRoom,
  ConnectionInput,
  LeaveInput,
  LocalPresence,
  OpenRoomContext,
  PresenceAdapter,
  RoomSink,
  TypingInput,
} from './adapter.js'
export type { BatchOption, BatchScheduler } from './batch.js'
export { systemClock, type Clock } from './clock.js'
export type { LocalActivity } from './local-activity.js'
