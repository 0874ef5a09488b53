export { AVATAR_CHOICES, NO_AVATAR, avatarUrl, isAvatarChoice, type AvatarChoice } from './avatars.js'
export { demoClientOptions, profilePresence } from './client-options.js'
export { CROWD_ROOM, CROWD_SIZES, createDemoCrowd, type DemoCrowd } from './crowd.js'
export {
  browserStorage,
  loadProfile,
  newGuestId,
  saveProfile,
  type DemoProfile,
  type ProfileStorage,
} from './profile.js'
export {
  addressWithUser,
  anotherPersonAddress,
  openAsAnotherPerson,
  settlePageIdentity,
} from './identity-address.js'
export {
  DEFAULT_ROOMS,
  DEFAULT_SERVER_URL,
  DEMO_TRANSPORTS,
  isDemoTransport,
  isValidRoomName,
  isValidUserId,
  readDemoSettings,
  type DemoSettings,
  type DemoTheme,
  type DemoTransport,
} from './settings.js'
export { THEME_CHOICES, applyTheme } from './theme.js'
export { createServerClient } from './server-client.js'
export {
  TRANSPORT_CHOICES,
  addressWithTransport,
  createDemoClient,
  transportChoice,
  type TransportChoice,
} from './transport.js'
export { memberRowView, type MemberRowView } from './member-row.js'
