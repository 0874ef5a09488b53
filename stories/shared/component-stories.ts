// The stories of every component, written once: the room each one needs, the page around it and
// the checks its play function makes. The React and the Vue story files spread these into their
// exports, so both frameworks show, and are tested on, the same states.
import type { ConnectionBadgeMessages, TypingMessages } from '@presence-kit/core/ui'
import { expect, fn, waitFor } from 'storybook/test'
import { expectBatching, expectLiveCrowd, expectLiveHundredThousand } from './live-plays.ts'
import {
  expectAvatarsNamedInFull,
  expectNamesEllipsised,
  expectTypingNamesInFull,
} from './long-name-plays.ts'
import {
  expectChipSignBeforeCount,
  expectDarkTheme,
  expectRightToLeft,
  expectUnstyled,
  type InlineOrder,
} from './look-plays.ts'
import { cast, crowdArgs, STORY_ROOM, typers, type PresenceScenario } from './presence-fixtures.ts'
import {
  allOf,
  arrowThroughOnlineList,
  expectActivity,
  expectAvatars,
  expectAvatarSizes,
  expectAvatarStatuses,
  expectConnection,
  expectGroups,
  expectImages,
  expectInitialsOnly,
  expectListEmpty,
  expectListLoading,
  expectNoTypingBeforeSync,
  expectNotSyncedYet,
  expectOptions,
  expectRoomState,
  expectStatusesListed,
  expectTypingCrowd,
  expectTypingSentence,
  openOverflowWithKeyboard,
  scrollHundredThousand,
  typingAppearsAndClears,
  type Play,
} from './plays.ts'
import { SLOW } from './play-dom.ts'
import { expectCountChip, expectOnlineCount, retryThroughRoom } from './count-plays.ts'
import {
  badgeKeepsItsBox,
  expectFailed,
  expectStaleList,
  expectStaleStack,
  failureOffersRetry,
  staleListRecovers,
  staleStripMovesNothing,
} from './connection-plays.ts'
import { searchHandsKeysToList, searchIsIncremental, searchNarrowsAndWidens } from './search-plays.ts'
import { expectInitialsContrast, expectInitialsInside, expectStatusShapes } from './status-plays.ts'
import {
  hoverCardSaysTypingAndEscapeCloses,
  hoverStackAvatarOpensCard,
  listRowsOpenCards,
  overflowItemOpensCardAndSelects,
  rowSaysTyping,
  stackKeyboardOpensCardAndSelects,
} from './hover-card-plays.ts'
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

/** A phone's width, less the page's margins. */
const phone = { width: '343px' }

/** A sidebar's width: narrower than the long names (and than the longest of them alone), in any viewport. */
const sidebar = { width: '16rem' }

const names = (members: readonly { readonly name: string }[]) => members.map((member) => member.name)
const longNames = names(cast.longNames)
const HUNDRED_THOUSAND = 100_000

// What comes first in each component, drawn further right when the page is right to left.
const rowAvatarBeforeName: InlineOrder = (root) => {
  const row = root.querySelector('[role="option"]')
  return [
    row?.querySelector('[data-part="avatar"]') ?? null,
    row?.querySelector('[data-presence-name]') ?? null,
  ]
}
const firstAvatarBeforeSecond: InlineOrder = (root) => {
  const [first, second] = root.querySelectorAll('[data-part="avatar"]')
  return [first ?? null, second ?? null]
}
const dotsBeforeSentence: InlineOrder = (root) => [
  root.querySelector('[data-part="typing-dots"]'),
  root.querySelector('[role="status"]'),
]
// The dot is the element's ::before, at its inline start: the element's middle is right of the label's.
const dotBeforeLabel: InlineOrder = (root) => [root, root.firstElementChild]
// The badge sits at the inline start of the line it is on.
const badgeAtLineStart: InlineOrder = (root) => [root, root.parentElement]

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
    play: allOf(
      expectOptions(4),
      expectStatusesListed(['active', 'idle', 'away', 'offline']),
      expectStatusShapes(['active', 'idle', 'away', 'offline']),
      expectInitialsInside,
    ),
  },
  GroupedByStatus: {
    // Tall enough for every row and header, so the play sees them all.
    args: { groupByStatus: true, showRecentlyLeft: true, height: 760 },
    parameters: { presence: { members: [...cast.many, ...cast.everyStatus] } },
    play: allOf(expectOptions(14), expectGroups(['active', 'idle', 'away', 'offline'])),
  },
  Reconnecting: {
    // A phone's width: the note must leave the first row's name in view.
    parameters: { presence: { members: cast.few, connection: 'reconnecting' }, frame: phone },
    play: allOf(expectOptions(6), expectStaleList),
  },
  ReconnectingThenLive: {
    parameters: { presence: { members: cast.few, connection: 'reconnecting' } },
    play: allOf(expectStaleList, staleListRecovers),
  },
  /** Live, then the link drops and comes back: the strip speaks and goes quiet, nothing moves. */
  LinkDropsAndReturns: {
    parameters: { presence: { members: cast.few } },
    play: staleStripMovesNothing,
  },
  /** A room too big to list: the backend sends its number of users, and the list says it. */
  CountOnly: {
    parameters: { presence: { countOnly: true, members: cast.few, crowdSize: 4_800 } },
    play: expectOnlineCount,
  },
  BrokenAndUnsafeAvatars: {
    args: { includeSelf: false },
    parameters: { presence: { members: cast.badAvatars } },
    play: allOf(expectOptions(cast.badAvatars.length), expectInitialsOnly(names(cast.badAvatars))),
  },
  VeryLongNames: {
    parameters: { presence: { members: cast.longNames }, frame: sidebar },
    play: allOf(expectOptions(4), expectNamesEllipsised(longNames)),
  },
  RightToLeft: {
    args: { label: 'متصل' },
    parameters: { presence: { self: cast.rightToLeft[0] ?? false, members: cast.rightToLeft.slice(1) } },
    globals: rightToLeft,
    play: allOf(expectOptions(4), expectRightToLeft('online-list', rowAvatarBeforeName)),
  },
  DarkMode: {
    args: { groupByStatus: true, height: 560 },
    parameters: { presence: { members: cast.many } },
    globals: dark,
    play: allOf(
      expectOptions(10),
      expectGroups(['active', 'idle', 'away']),
      expectDarkTheme('online-list', [
        { property: 'color' },
        { property: 'background-color' },
        { property: 'border-top-color' },
      ]),
      expectDarkTheme('online-list-group', [{ property: 'color' }]),
    ),
  },
  Unstyled: {
    parameters: { presence: { members: cast.few } },
    globals: unstyled,
    play: allOf(expectOptions(6), expectUnstyled(['online-list', 'online-list-row', 'avatar'])),
  },
  KeyboardNavigation: {
    parameters: { presence: { members: cast.few } },
    play: arrowThroughOnlineList,
  },
  /** Grace is typing: her row shows it, and says it in its name. */
  TypingInRows: {
    parameters: { presence: { members: cast.few, typing: typers.one } },
    play: rowSaysTyping,
  },
  /** Each row's member card, on hover and as the keyboard moves; the story files give the card. */
  HoverCard: {
    parameters: {
      presence: { members: cast.few, typing: typers.one, otherRooms: { design: ['grace', 'katherine'] } },
    },
    play: listRowsOpenCards,
  },
} satisfies Specs<OnlineListStoryArgs>

/**
 * The stories of OnlineList's search box. Each framework's story file loads a search of its own
 * package (`createOnlineListSearch()`) as `loaded.search`, a new one for each render, and passes it
 * to the list's `search` prop.
 */
export const onlineListSearchStories = {
  Search: {
    parameters: { presence: { members: [...cast.many, ...cast.accented] } },
    play: searchNarrowsAndWidens,
  },
  SearchWithKeyboard: {
    parameters: { presence: { members: [...cast.many, ...cast.accented] } },
    play: searchHandsKeysToList,
  },
  SearchHundredThousand: {
    parameters: { presence: { crowdSize: HUNDRED_THOUSAND } },
    play: searchIsIncremental,
  },
  SearchOnAPhone: {
    parameters: { presence: { members: [...cast.many, ...cast.accented] }, frame: phone },
    globals: dark,
    play: searchNarrowsAndWidens,
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
  readonly order?: 'first-on-top' | 'last-on-top'
  readonly ring?: boolean
  readonly onSelect?: ReturnType<typeof fn>
}

export const avatarStackArgs: AvatarStackStoryArgs = { room: STORY_ROOM, max: 5, size: 'md' }

/** The sizes the Sizes story shows, a stack of each. */
export const avatarSizes = ['sm', 'md', 'lg'] as const

export const avatarStackStories = {
  Loading: {
    parameters: { presence: { members: cast.few, connection: 'loading' } },
    play: expectAvatars(1),
  },
  Empty: { parameters: { presence: { self: false } }, play: expectAvatars(0) },
  OneMember: { parameters: { presence: {} }, play: allOf(expectAvatars(1), expectImages) },
  AFew: { parameters: { presence: { members: cast.few.slice(0, 3) } }, play: expectAvatars(4) },
  Overflow: { parameters: { presence: { members: cast.many } }, play: expectAvatars(5, 5) },
  /** The "+N" list says each hidden member's status, in words and by the badge's shape. */
  EveryStatusBehindOverflow: {
    args: { includeSelf: false, max: 1 },
    parameters: { presence: { self: false, members: cast.everyStatus } },
    play: allOf(
      async ({ canvasElement }) => {
        // The "+N" button appears once the roster has arrived: open the list only then.
        const button = await waitFor(() => {
          const found = canvasElement.querySelector<HTMLElement>('[data-part="avatar-overflow"]')
          expect(found).not.toBeNull()
          return found!
        }, SLOW)
        button.click()
        await waitFor(() => expect(button.getAttribute('aria-expanded')).toBe('true'), SLOW)
      },
      expectStatusShapes(['active', 'idle', 'away']),
    ),
  },
  /** The last avatar drawn on top, each in a ring of its member's colour. */
  LastOnTopWithRings: {
    args: { order: 'last-on-top', ring: true },
    parameters: { presence: { members: cast.few } },
    play: allOf(expectAvatars(5, 1), expectInitialsInside, expectInitialsContrast),
  },
  OpenOverflowWithKeyboard: {
    parameters: { presence: { members: cast.many } },
    play: openOverflowWithKeyboard,
  },
  HundredThousandMembers: {
    parameters: { presence: { crowdSize: HUNDRED_THOUSAND } },
    play: expectAvatars(5, HUNDRED_THOUSAND + 1 - 5),
  },
  /** A room too big to list: no avatars to show, its count in a "+N" chip and the group's name. */
  CountOnly: {
    parameters: { presence: { countOnly: true, members: cast.few, crowdSize: 4_800 } },
    play: expectCountChip,
  },
  EveryStatus: {
    args: { includeSelf: false },
    parameters: { presence: { self: false, members: cast.everyStatus } },
    // Who left is not in the stack: the stack shows who is here.
    play: allOf(
      expectAvatars(3),
      expectAvatarStatuses([
        ['Ines Active, Active', 'active'],
        ['Ivan Idle, Idle', 'idle'],
        ['Awa Away, Away', 'away'],
      ]),
      expectStatusShapes(['active', 'idle', 'away']),
    ),
  },
  /** One stack of each size; the story files render the three. */
  Sizes: {
    parameters: { presence: { members: cast.few } },
    play: allOf(expectAvatarSizes(avatarSizes), expectInitialsInside, expectInitialsContrast),
  },
  BrokenAndUnsafeAvatars: {
    args: { includeSelf: false, max: 10 },
    parameters: { presence: { members: cast.badAvatars } },
    play: expectInitialsOnly(names(cast.badAvatars)),
  },
  VeryLongNames: {
    parameters: { presence: { members: cast.longNames }, frame: sidebar },
    play: allOf(expectAvatars(4), expectAvatarsNamedInFull(longNames)),
  },
  /** Two avatars and "+2": the chip reads "+2", not "2+", in a right-to-left page. */
  RightToLeft: {
    args: { max: 2 },
    parameters: { presence: { self: cast.rightToLeft[0] ?? false, members: cast.rightToLeft.slice(1) } },
    globals: rightToLeft,
    play: allOf(
      expectAvatars(2, 2),
      expectRightToLeft('avatar-stack', firstAvatarBeforeSecond),
      expectChipSignBeforeCount,
    ),
  },
  DarkMode: {
    parameters: { presence: { members: cast.many } },
    globals: dark,
    play: allOf(
      expectAvatars(5, 5),
      expectDarkTheme('avatar-overflow', [{ property: 'color' }, { property: 'background-color' }]),
      // The ring that parts overlapping avatars is the surface colour.
      expectDarkTheme('avatar', [{ property: 'box-shadow' }]),
    ),
  },
  Unstyled: {
    parameters: { presence: { members: cast.many } },
    globals: unstyled,
    play: allOf(expectAvatars(5, 5), expectUnstyled(['avatar-stack', 'avatar', 'avatar-overflow'])),
  },
  Reconnecting: {
    parameters: { presence: { members: cast.few, connection: 'reconnecting' } },
    play: allOf(expectAvatars(5, 1), expectStaleStack),
  },
  /**
   * A member's card on hover or focus: name, status and for how long, typing, the other rooms and
   * the app's own content. The story files give the card.
   */
  HoverCard: {
    args: { onSelect: fn() },
    parameters: {
      presence: { members: cast.few, typing: typers.one, otherRooms: { design: ['grace', 'katherine'] } },
    },
    play: allOf(hoverStackAvatarOpensCard, hoverCardSaysTypingAndEscapeCloses),
  },
  /** Every avatar and the "+N" button is a tab stop; Enter or a click reports the member. */
  SelectWithKeyboard: {
    args: { onSelect: fn() },
    parameters: { presence: { members: cast.many } },
    play: allOf(stackKeyboardOpensCardAndSelects, overflowItemOpensCardAndSelects),
  },
} satisfies Specs<AvatarStackStoryArgs>

// ---------------------------------------------------------------------------------------------

export interface TypingIndicatorStoryArgs {
  readonly room?: string
  readonly locale?: string
  readonly maxNames?: number
  readonly messages?: Partial<TypingMessages>
}

export const typingIndicatorArgs: TypingIndicatorStoryArgs = { room: STORY_ROOM }

/** Hebrew wording, with the Hebrew list of names from `locale: 'he'`. */
const hebrewTyping: TypingMessages = {
  single: (list) => `${list} מקליד/ה…`,
  plural: (list) => `${list} מקלידים…`,
  others: (count) => `${count} נוספים`,
}

export const typingIndicatorStories = {
  Loading: {
    parameters: { presence: { members: cast.many, typing: typers.one, connection: 'loading' } },
    play: expectNoTypingBeforeSync,
  },
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
  /** Two cast members and a thousand of 100,000 others type. */
  HundredThousandMembers: {
    parameters: {
      presence: { members: cast.many, typing: typers.two, crowdSize: HUNDRED_THOUSAND, crowdTyping: 1_000 },
    },
    play: expectTypingCrowd('Grace Hopper', 'Alan Turing', 1_000),
  },
  AppearsAndClears: { parameters: { presence: { members: cast.many } }, play: typingAppearsAndClears },
  VeryLongNames: {
    parameters: { presence: { members: cast.longNames, typing: ['long-1', 'long-2'] }, frame: sidebar },
    play: allOf(
      expectTypingSentence(`${longNames[0]} and ${longNames[1]} are typing…`),
      expectTypingNamesInFull,
    ),
  },
  RightToLeft: {
    args: { locale: 'he', messages: hebrewTyping },
    parameters: { presence: { members: cast.rightToLeft, typing: ['noa', 'yosef'] } },
    globals: rightToLeft,
    play: allOf(
      expectTypingSentence('נועה כהן ויוסף לוי מקלידים…'),
      expectRightToLeft('typing-indicator', dotsBeforeSentence),
    ),
  },
  DarkMode: {
    parameters: { presence: { members: cast.many, typing: typers.two } },
    globals: dark,
    play: allOf(
      expectTypingSentence('Grace Hopper and Alan Turing are typing…'),
      expectDarkTheme('typing-indicator', [{ property: 'color' }]),
    ),
  },
  Unstyled: {
    parameters: { presence: { members: cast.many, typing: typers.two } },
    globals: unstyled,
    play: allOf(
      expectTypingSentence('Grace Hopper and Alan Turing are typing…'),
      expectUnstyled(['typing-indicator', 'typing-dots']),
    ),
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
  /** Before the roster arrives the dot cannot tell Katherine is there: it says offline. */
  Loading: {
    args: { room: STORY_ROOM, userId: 'katherine' },
    parameters: { presence: { members: cast.few, connection: 'loading' } },
    play: allOf(expectNotSyncedYet, expectActivity('offline', 'Offline')),
  },
  /** While the link is restored the dot keeps the last status it knew. */
  Reconnecting: {
    args: { room: STORY_ROOM, userId: 'katherine' },
    parameters: { presence: { members: cast.few, connection: 'reconnecting' } },
    play: allOf(expectRoomState({ status: 'reconnecting', stale: true }), expectActivity('idle', 'Idle')),
  },
  Large: { args: { status: 'away', size: 'lg' }, play: expectActivity('away', 'Away') },
  RightToLeft: {
    args: { status: 'away' },
    globals: rightToLeft,
    play: allOf(expectActivity('away', 'Away'), expectRightToLeft('activity-dot', dotBeforeLabel)),
  },
  DarkMode: {
    args: { status: 'idle' },
    globals: dark,
    play: allOf(
      expectActivity('idle', 'Idle'),
      expectDarkTheme('activity-dot', [
        { property: 'color' },
        { property: 'box-shadow', pseudo: '::before' },
      ]),
    ),
  },
  Unstyled: {
    args: { status: 'away' },
    globals: unstyled,
    play: allOf(expectActivity('away', 'Away'), expectUnstyled(['activity-dot'])),
  },
} satisfies Specs<ActivityDotStoryArgs>

// ---------------------------------------------------------------------------------------------

export interface ConnectionStatusStoryArgs {
  readonly room?: string
  readonly messages?: Partial<ConnectionBadgeMessages>
  readonly timeout?: number
  readonly onRetry?: () => void
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
  Failed: {
    args: { onRetry: fn() },
    parameters: { presence: { members: cast.few, connection: 'failed' } },
    play: expectFailed,
  },
  FirstConnectionTimesOut: {
    // A short deadline, so the story shows the failure at once; the default is 15 s.
    args: { timeout: 1_000, onRetry: fn() },
    parameters: { presence: { members: cast.few, connection: 'loading' } },
    play: failureOffersRetry,
  },
  /** No `onRetry`: the failure's button retries through the room, and the room connects again. */
  RetriesThroughTheRoom: {
    parameters: { presence: { members: cast.few, connection: 'failed' } },
    play: retryThroughRoom,
  },
  AppearsWithoutLayoutShift: {
    parameters: { presence: { members: cast.few } },
    play: badgeKeepsItsBox,
  },
  RightToLeft: {
    args: { messages: { connecting: 'מתחבר…', reconnecting: 'מתחבר מחדש…', offline: 'לא מחובר' } },
    parameters: { presence: { members: cast.few, connection: 'reconnecting' } },
    globals: rightToLeft,
    play: allOf(
      expectConnection('reconnecting', 'מתחבר מחדש…'),
      expectRightToLeft('connection-status', badgeAtLineStart),
    ),
  },
  DarkMode: {
    parameters: { presence: { members: cast.few, connection: 'reconnecting' } },
    globals: dark,
    play: allOf(
      expectConnection('reconnecting', 'Reconnecting…'),
      expectDarkTheme('connection-status', [
        { property: 'color' },
        { property: 'background-color' },
        { property: 'box-shadow' },
      ]),
    ),
  },
  Unstyled: {
    parameters: { presence: { members: cast.few, connection: 'reconnecting' } },
    globals: unstyled,
    play: allOf(expectConnection('reconnecting', 'Reconnecting…'), expectUnstyled(['connection-status'])),
  },
} satisfies Specs<ConnectionStatusStoryArgs>

// ---------------------------------------------------------------------------------------------

export const liveArgs = crowdArgs
export { crowdArgTypes as liveArgTypes } from './presence-fixtures.ts'

export const liveStories = {
  Lobby: { parameters: { presence: { live: true } }, play: allOf(expectLiveCrowd, expectBatching) },
  HundredThousandMembers: {
    args: { members: HUNDRED_THOUSAND, churnPerSecond: 20, typingPerSecond: 2 },
    parameters: { presence: { live: true } },
    play: allOf(expectLiveHundredThousand, expectBatching),
  },
} satisfies Specs<Partial<typeof crowdArgs>>
