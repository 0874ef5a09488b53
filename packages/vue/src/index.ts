export { createPresencePlugin, providePresence, usePresenceClient, presenceClientKey } from './provide.js'
export { useRoom, type UseRoomOptions } from './composables/use-room.js'
export { usePresence, type PresenceSnapshot, type UsePresenceReturn } from './composables/use-presence.js'
export { useRoomState } from './composables/use-room-state.js'
export { shallowEqual, type EqualityFn } from './composables/shallow-equal.js'
export { useMyPresence, type UseMyPresenceReturn } from './composables/use-my-presence.js'
export { useTyping, type UseTypingReturn } from './composables/use-typing.js'
export { useMember, useActivityStatus } from './composables/use-member.js'
export { useConnectionStatus, type UseConnectionStatusReturn } from './composables/use-connection-status.js'
export { usePresenceEvent } from './composables/use-presence-event.js'
export { useLocalActivity } from './composables/use-local-activity.js'
export {
  ActivityDot,
  AvatarStack,
  AVATAR_OVERFLOW_LIST_LIMIT,
  // The component's name shadows the core's type of the same name, re-exported below under another.
  ConnectionStatus,
  OnlineList,
  TypingIndicator,
  type OnlineListRowSlotProps,
  type OnlineListSearch,
  type MemberCardHost,
} from './components/index.js'
// One install: the core's API comes with the bindings.
export * from '@presence-kit/core'
export type { ConnectionStatus as PresenceConnectionStatus } from '@presence-kit/core'
