export { OnlineList, type OnlineListProps, type OnlineListSearch } from './online-list/online-list.js'
export type { OnlineListRowInfo, RenderOnlineListRow } from './online-list/online-list-row.js'
export {
  AvatarStack,
  AVATAR_OVERFLOW_LIST_LIMIT,
  type AvatarStackProps,
} from './avatar-stack/avatar-stack.js'
export { TypingIndicator, type TypingIndicatorProps } from './typing-indicator/typing-indicator.js'
export { ActivityDot, type ActivityDotProps } from './activity-dot/activity-dot.js'
export { ConnectionStatus, type ConnectionStatusProps } from './connection-status/connection-status.js'
export type { MemberCardHost, RenderMemberCard } from './shared/member-card-host.js'
