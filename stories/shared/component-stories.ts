// The stories of every component, written once: the room each one needs, the page around it and
// the checks its play function makes. The React and the Vue story files spread these into their
// exports, so both frameworks show, and are tested on, the same states.
import { fn } from 'storybook/test'
import { cast, crowdArgs, STORY_ROOM, typers, type PresenceScenario } from './presence-fixtures.ts'
import {
  allOf,
  arrowThroughOnlineList,
  expectActivity,
  expectAvatars,
  expectConnection,
  expectLiveCrowd,
  expectGroups,
  expectImages,
  expectInitialsOnly,
  expectListEmpty,
  expectListLoading,
  expectOptions,
  expectStatusesListed,
  expectTypingSentence,
  openOverflowWithKeyboard,
  scrollHundredThousand,
  typingAppearsAndClears,
  type Play,
} from './plays.ts'
import type { StoryPageGlobals } from './story-page.ts'

interface StorySpec<Args> {
  readonly args?: Args
  readonly parameters?: { readonly presence?: PresenceScenario; readonly [key: string]: unknown }
  readonly globals?: StoryPageGlobals
  readonly play?: Play
}

type Specs<Args> = Record<string, StorySpec<Args>>

const dark: StoryPageGlobals = { theme: 'dark' }
const rightToLeft: StoryPageGlobals = { direction: 'rtl' }
const unstyled: StoryPageGlobals = { styles: 'unstyled' }

const names = (members: readonly { readonly name: string }[]) => members.map((member) => member.name)
const HUNDRED_THOUSAND = 100_000

// ---------------------------------------------------------------------------------------------

export interface OnlineListStoryArgs {
  readonly room?: string
  readonly groupByStatus?: boolean
  readonly showRecentlyLeft?: boolean
  readonly includeSelf?: boolean
  readonly height?: number
  readonly label?: string
  readonly onSelect?: ReturnType<typeof fn>
}

export const onlineListArgs: OnlineListStoryArgs = { room: STORY_ROOM, height: 320, onSelect: fn() }

export const onlineListStories = {
  Loading: {
    parameters: { presence: { members: cast.few, connection: 'loading' } },
    play: expectListLoading,
  },
  Empty: { parameters: { presence: { self: false } }, play: expectListEmpty },
  OneMember: { parameters: { presence: {} }, play: expectOptions(1) },
  AFew: { parameters: { presence: { members: cast.few } }, play: expectOptions(6) },
  HundredThousandMembers: {
    parameters: { presence: { crowdSize: HUNDRED_THOUSAND } },
    play: scrollHundredThousand,
  },
  EveryStatus: {
    args: { showRecentlyLeft: true },
    parameters: { presence: { self: false, members: cast.everyStatus } },
    play: allOf(expectOptions(4), expectStatusesListed(['active', 'idle', 'away', 'offline'])),
  },
  GroupedByStatus: {
    // Tall enough for every row and header, so the play sees them all.
    args: { groupByStatus: true, showRecentlyLeft: true, height: 760 },
    parameters: { presence: { members: [...cast.many, ...cast.everyStatus] } },
    play: allOf(expectOptions(14), expectGroups(['active', 'idle', 'away', 'offline'])),
  },
  Reconnecting: {
    parameters: { presence: { members: cast.few, connection: 'reconnecting' } },
    play: expectOptions(6),
  },
  BrokenAndUnsafeAvatars: {
    args: { includeSelf: false },
    parameters: { presence: { members: cast.badAvatars } },
    play: allOf(expectOptions(cast.badAvatars.length), expectInitialsOnly(names(cast.badAvatars))),
  },
  VeryLongNames: { parameters: { presence: { members: cast.longNames } }, play: expectOptions(4) },
  RightToLeft: {
    args: { label: 'متصل' },
    parameters: { presence: { self: cast.rightToLeft[0] ?? false, members: cast.rightToLeft.slice(1) } },
    globals: rightToLeft,
    play: expectOptions(4),
  },
  DarkMode: {
    args: { groupByStatus: true, height: 560 },
    parameters: { presence: { members: cast.many } },
    globals: dark,
    play: allOf(expectOptions(10), expectGroups(['active', 'idle', 'away'])),
  },
  Unstyled: { parameters: { presence: { members: cast.few } }, globals: unstyled, play: expectOptions(6) },
  KeyboardNavigation: {
    parameters: { presence: { members: cast.few } },
    play: arrowThroughOnlineList,
  },
} satisfies Specs<OnlineListStoryArgs>

// ---------------------------------------------------------------------------------------------

export interface AvatarStackStoryArgs {
  readonly room?: string
  readonly max?: number
  readonly total?: number
  readonly size?: 'sm' | 'md' | 'lg'
  readonly includeSelf?: boolean
  readonly label?: string
}

export const avatarStackArgs: AvatarStackStoryArgs = { room: STORY_ROOM, max: 5, size: 'md' }

export const avatarStackStories = {
  Loading: {
    parameters: { presence: { members: cast.few, connection: 'loading' } },
    play: expectAvatars(1),
  },
  Empty: { parameters: { presence: { self: false } }, play: expectAvatars(0) },
  OneMember: { parameters: { presence: {} }, play: allOf(expectAvatars(1), expectImages) },
  AFew: { parameters: { presence: { members: cast.few.slice(0, 3) } }, play: expectAvatars(4) },
  Overflow: { parameters: { presence: { members: cast.many } }, play: expectAvatars(5, 5) },
  OpenOverflowWithKeyboard: {
    parameters: { presence: { members: cast.many } },
    play: openOverflowWithKeyboard,
  },
  HundredThousandMembers: {
    parameters: { presence: { crowdSize: HUNDRED_THOUSAND } },
    play: expectAvatars(5, HUNDRED_THOUSAND + 1 - 5),
  },
  EveryStatus: {
    args: { includeSelf: false },
    parameters: { presence: { self: false, members: cast.everyStatus } },
    play: expectAvatars(3),
  },
  Sizes: { args: { size: 'lg' }, parameters: { presence: { members: cast.few } } },
  BrokenAndUnsafeAvatars: {
    args: { includeSelf: false, max: 10 },
    parameters: { presence: { members: cast.badAvatars } },
    play: expectInitialsOnly(names(cast.badAvatars)),
  },
  VeryLongNames: { parameters: { presence: { members: cast.longNames } }, play: expectAvatars(4) },
  RightToLeft: {
    parameters: { presence: { self: cast.rightToLeft[0] ?? false, members: cast.rightToLeft.slice(1) } },
    globals: rightToLeft,
    play: expectAvatars(4),
  },
  DarkMode: { parameters: { presence: { members: cast.many } }, globals: dark, play: expectAvatars(5, 5) },
  Unstyled: {
    parameters: { presence: { members: cast.many } },
    globals: unstyled,
    play: expectAvatars(5, 5),
  },
  Reconnecting: {
    parameters: { presence: { members: cast.few, connection: 'reconnecting' } },
    play: expectAvatars(5, 1),
  },
} satisfies Specs<AvatarStackStoryArgs>

// ---------------------------------------------------------------------------------------------

export interface TypingIndicatorStoryArgs {
  readonly room?: string
  readonly locale?: string
  readonly maxNames?: number
}

export const typingIndicatorArgs: TypingIndicatorStoryArgs = { room: STORY_ROOM }

export const typingIndicatorStories = {
  NobodyTyping: { parameters: { presence: { members: cast.many } }, play: expectTypingSentence('') },
  OneTyping: {
    parameters: { presence: { members: cast.many, typing: typers.one } },
    play: expectTypingSentence('Grace Hopper is typing…'),
  },
  TwoTyping: {
    parameters: { presence: { members: cast.many, typing: typers.two } },
    play: expectTypingSentence('Grace Hopper and Alan Turing are typing…'),
  },
  ManyTyping: {
    parameters: { presence: { members: cast.many, typing: typers.many } },
    play: expectTypingSentence('Grace Hopper, Alan Turing and 3 others are typing…'),
  },
  AppearsAndClears: { parameters: { presence: { members: cast.many } }, play: typingAppearsAndClears },
  VeryLongNames: {
    parameters: { presence: { members: cast.longNames, typing: ['long-1', 'long-2'] } },
    play: expectTypingSentence(`${cast.longNames[0]?.name} and ${cast.longNames[1]?.name} are typing…`),
  },
  RightToLeft: {
    args: { locale: 'he' },
    parameters: { presence: { members: cast.rightToLeft, typing: ['noa'] } },
    globals: rightToLeft,
    play: expectTypingSentence('נועה כהן is typing…'),
  },
  DarkMode: {
    parameters: { presence: { members: cast.many, typing: typers.two } },
    globals: dark,
    play: expectTypingSentence('Grace Hopper and Alan Turing are typing…'),
  },
  Unstyled: {
    parameters: { presence: { members: cast.many, typing: typers.two } },
    globals: unstyled,
    play: expectTypingSentence('Grace Hopper and Alan Turing are typing…'),
  },
  Reconnecting: {
    parameters: { presence: { members: cast.many, typing: typers.one, connection: 'reconnecting' } },
    play: expectTypingSentence('Grace Hopper is typing…'),
  },
} satisfies Specs<TypingIndicatorStoryArgs>

// ---------------------------------------------------------------------------------------------

export interface ActivityDotStoryArgs {
  readonly status?: 'active' | 'idle' | 'away' | 'offline'
  readonly room?: string
  readonly userId?: string
  readonly showLabel?: boolean
  readonly size?: 'sm' | 'md' | 'lg'
}

export const activityDotArgs = { showLabel: true, size: 'md' } satisfies ActivityDotStoryArgs

/** Dots live in presence apps: every story has a client, as the app around a dot would. */
export const activityDotParameters = { presence: { members: cast.few } }

export const activityDotStories = {
  Active: { args: { status: 'active' }, play: expectActivity('active', 'Active') },
  Idle: { args: { status: 'idle' }, play: expectActivity('idle', 'Idle') },
  Away: { args: { status: 'away' }, play: expectActivity('away', 'Away') },
  Offline: { args: { status: 'offline' }, play: expectActivity('offline', 'Offline') },
  LabelForScreenReaders: { args: { status: 'idle', showLabel: false }, play: expectActivity('idle', 'Idle') },
  FromRoom: {
    args: { room: STORY_ROOM, userId: 'katherine' },
    parameters: { presence: { members: cast.few } },
    play: expectActivity('idle', 'Idle'),
  },
  Large: { args: { status: 'away', size: 'lg' }, play: expectActivity('away', 'Away') },
  RightToLeft: {
    args: { status: 'away' },
    globals: rightToLeft,
    play: expectActivity('away', 'Away'),
  },
  DarkMode: { args: { status: 'idle' }, globals: dark, play: expectActivity('idle', 'Idle') },
  Unstyled: { args: { status: 'away' }, globals: unstyled, play: expectActivity('away', 'Away') },
} satisfies Specs<ActivityDotStoryArgs>

// ---------------------------------------------------------------------------------------------

export interface ConnectionStatusStoryArgs {
  readonly room?: string
}

export const connectionStatusArgs: ConnectionStatusStoryArgs = { room: STORY_ROOM }

export const connectionStatusStories = {
  Connecting: {
    parameters: { presence: { members: cast.few, connection: 'loading' } },
    play: expectConnection('connecting', 'Connecting…'),
  },
  Connected: {
    parameters: { presence: { members: cast.few } },
    play: expectConnection('connected', ''),
  },
  Reconnecting: {
    parameters: { presence: { members: cast.few, connection: 'reconnecting' } },
    play: expectConnection('reconnecting', 'Reconnecting…'),
  },
  Offline: {
    parameters: { presence: { members: cast.few, connection: 'failed' } },
    play: expectConnection('failed', 'Offline'),
  },
  DarkMode: {
    parameters: { presence: { members: cast.few, connection: 'reconnecting' } },
    globals: dark,
    play: expectConnection('reconnecting', 'Reconnecting…'),
  },
  Unstyled: {
    parameters: { presence: { members: cast.few, connection: 'reconnecting' } },
    globals: unstyled,
    play: expectConnection('reconnecting', 'Reconnecting…'),
  },
} satisfies Specs<ConnectionStatusStoryArgs>

// ---------------------------------------------------------------------------------------------

export const liveArgs = crowdArgs
export { crowdArgTypes as liveArgTypes } from './presence-fixtures.ts'

export const liveStories = {
  Lobby: { parameters: { presence: { live: true } }, play: expectLiveCrowd },
  HundredThousandMembers: {
    args: { members: HUNDRED_THOUSAND, churnPerSecond: 20, typingPerSecond: 2 },
    parameters: { presence: { live: true } },
  },
} satisfies Specs<Partial<typeof crowdArgs>>
