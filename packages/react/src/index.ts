export { PresenceProvider, usePresenceClient, type PresenceProviderProps } from './provider.js'
export { useRoom, type UseRoomOptions } from './hooks/use-room.js'
export { usePresence, type PresenceSnapshot } from './hooks/use-presence.js'
export { useRoomState, shallowEqual, type EqualityFn } from './hooks/use-room-state.js'
export { useMyPresence } from './hooks/use-my-presence.js'
export { useTyping, type UseTypingReturn } from './hooks/use-typing.js'
export { useMember, useActivityStatus } from './hooks/use-member.js'
export { useConnectionStatus, type ConnectionState } from './hooks/use-connection-status.js'
export { usePresenceEvent } from './hooks/use-presence-event.js'
export { useLocalActivity } from './hooks/use-local-activity.js'
// One install: the core's API comes with the bindings.
export * from '@presence-kit/core'
export { useMemberList } from './hooks/use-member-list.js'
export {
  OnlineList,
  AvatarStack,
  AVATAR_OVERFLOW_LIST_LIMIT,
  TypingIndicator,
  ActivityDot,
  // The component's name shadows the core's type of the same name, re-exported below under another.
  ConnectionStatus,
  type OnlineListProps,
  type OnlineListSearch,
  type OnlineListRowInfo,
  type RenderOnlineListRow,
  type AvatarStackProps,
  type TypingIndicatorProps,
  type ActivityDotProps,
  type ConnectionStatusProps,
  type MemberCardHost,
  type RenderMemberCard,
} from './components/index.js'
export type { ConnectionStatus as PresenceConnectionStatus } from '@presence-kit/core'
