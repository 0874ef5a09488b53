export { getDisplayName, type NameableMember } from './display-name.js'
export { getInitials } from './initials.js'
export { getUserColor, USER_COLOR_PALETTE, type UserColor } from './user-color.js'
export { isSafeImageUrl, MAX_DATA_IMAGE_URL_LENGTH, MAX_IMAGE_URL_LENGTH } from './safe-url.js'
export { normalizeCount } from './normalize-count.js'
export {
  DEFAULT_AVATAR_STACK_MAX,
  getAvatarStack,
  type AvatarStack,
  type AvatarStackOptions,
} from './avatar-stack.js'
export {
  getAvatarStackLabels,
  type AvatarStackLabels,
  type AvatarStackMessages,
} from './avatar-stack-labels.js'
export {
  DEFAULT_TYPING_LOCALE,
  DEFAULT_TYPING_MAX_NAMES,
  formatTypingSentence,
  getTypingSentence,
  type TypingMessages,
  type TypingSentenceOptions,
} from './typing-sentence.js'
export { bestStatus, compareStatus, PRESENCE_STATUSES } from './status.js'
export {
  getConnectionStatusLabel,
  getStatusLabel,
  type ConnectionStatusMessages,
  type StatusMessages,
} from './status-labels.js'
export {
  compareMembers,
  compareUserIds,
  createMemberComparator,
  groupMembersByStatus,
  sortMembers,
  type CompareMembersOptions,
  type MemberStatusGroup,
  type SortableMember,
} from './member-order.js'
export { createSortedMembers, type MemberChanges, type SortedMembers } from './sorted-members.js'
export { firstMembers, type ChunkedList, type MemberSequence, type OrderedMembers } from './chunked-list.js'
export {
  getNextListIndex,
  isListNavigationKey,
  withActiveRow,
  type ListNavigationKey,
} from './list-navigation.js'
export { getMemberChanges } from './member-changes.js'
export {
  getMemberListLayout,
  type MemberListGroup,
  type MemberListItem,
  type MemberListLayout,
} from './list-layout.js'
export { getRowCapacity, ROW_CAPACITY_STEP } from './row-capacity.js'
export {
  createMemberList,
  type MemberList,
  type MemberListOptions,
  type MemberListSource,
  type MemberListView,
} from './member-list.js'
export {
  DEFAULT_CONNECT_TIMEOUT_MS,
  getConnectionBadge,
  getConnectionBadgeLabel,
  startConnectDeadline,
  type ConnectionBadge,
  type ConnectionBadgeMessages,
  type ConnectionBadgeState,
} from './connection-badge.js'
export { checkRoomName, checkRoomProp, normalizeSize, type PresenceSize } from './component-props.js'
export { emptyRoomState } from './empty-room-state.js'
export { reportPropError } from './report-prop-error.js'
export { getPresenceSnapshot, type PresenceSnapshot } from './presence-snapshot.js'
export { observeVirtualizerOffset, watchScrollOffset, type ScrollVirtualizer } from './scroll-offset.js'
export { formatChipCount, formatCount } from './count-format.js'
export { getCountOnly, getOnlineCountText } from './count-only.js'
export {
  connectOnlineList,
  createOnlineListMachine,
  getListOptionProps,
  type KeyInput,
  type ListMember,
  type OnlineListApi,
  type OnlineListContext,
  type OnlineListMachine,
  type OnlineListState,
} from './online-list-controller.js'
export {
  connectPopover,
  createPopoverMachine,
  type PopoverApi,
  type PopoverElements,
  type PopoverMachine,
} from './popover-controller.js'
export { getAvatarInitials } from './initials.js'
export { getContrastRatio, getReadableTextColor } from './contrast.js'
export { getStatusSince, getStatusText, getTypingText } from './status-text.js'
export { sharedClock } from './shared-clock.js'
export { DEFAULT_STALE_TEXT, getStaleLabel } from './stale-roster.js'
export {
  createMemberSearch,
  foldSearchText,
  type MemberFilter,
  type MemberSearch,
  type MemberSearchOptions,
  type SearchableMember,
} from './member-search.js'
export {
  connectListSearch,
  DEFAULT_LIST_SEARCH_MESSAGES,
  type ListSearchApi,
  type ListSearchContext,
  type ListSearchMessages,
  type OnlineListSearchOptions,
} from './list-search-controller.js'
export { getAvatarStackHandlers, MEMBER_ATTRIBUTE } from './avatar-stack-controller.js'
export {
  connectHoverCard,
  createHoverCardMachine,
  DEFAULT_HOVER_CARD_CLOSE_DELAY,
  DEFAULT_HOVER_CARD_OPEN_DELAY,
  type HoverCardApi,
  type HoverCardElements,
  type HoverCardMachine,
  type HoverCardOptions,
} from './hover-card-controller.js'
