import type { Meta, StoryObj } from '@storybook/vue3-vite'
import { getDisplayName } from '@presence-kit/core/ui'
import type { Member } from '@presence-kit/core'
import {
  ActivityDot,
  OnlineList,
  type MemberCardHost,
  type OnlineListRowSlotProps,
  type OnlineListSearch,
} from '@presence-kit/vue'
import { MemberHoverCard } from '@presence-kit/vue/hover-card'
import { createOnlineListSearch } from '@presence-kit/vue/search'
import { h } from 'vue'
import {
  onlineListArgs,
  onlineListSearchStories as searchStories,
  onlineListStories as stories,
} from '../shared/component-stories.ts'
import { appCardLine, appCardStyle } from '../shared/hover-card-story.ts'
import { cast } from '../shared/presence-fixtures.ts'
import { expectListEmpty, expectOptions } from '../shared/plays.ts'

const meta = {
  title: 'Components/OnlineList',
  component: OnlineList,
  args: onlineListArgs,
} satisfies Meta<typeof OnlineList>

export default meta
type Story = StoryObj<typeof meta>

export const Loading: Story = { ...stories.Loading }
export const Empty: Story = { ...stories.Empty }
export const OneMember: Story = { ...stories.OneMember }
export const AFew: Story = { ...stories.AFew }
export const HundredThousandMembers: Story = { ...stories.HundredThousandMembers, tags: ['!autodocs'] }
export const EveryStatus: Story = { ...stories.EveryStatus }
export const GroupedByStatus: Story = { ...stories.GroupedByStatus }
export const Reconnecting: Story = { ...stories.Reconnecting }
export const ReconnectingThenLive: Story = { ...stories.ReconnectingThenLive }
export const BrokenAndUnsafeAvatars: Story = { ...stories.BrokenAndUnsafeAvatars }
export const VeryLongNames: Story = { ...stories.VeryLongNames }
export const RightToLeft: Story = { ...stories.RightToLeft }
export const DarkMode: Story = { ...stories.DarkMode }
export const Unstyled: Story = { ...stories.Unstyled, tags: ['!autodocs'] }
export const KeyboardNavigation: Story = { ...stories.KeyboardNavigation }
export const LinkDropsAndReturns: Story = { ...stories.LinkDropsAndReturns }
export const CountOnly: Story = { ...stories.CountOnly }

export const TypingInRows: Story = { ...stories.TypingInRows }

/** The member card from `@presence-kit/vue/hover-card`, with the app's own line at its end. */
export const HoverCard: Story = {
  ...stories.HoverCard,
  render: (args) => ({
    setup: () => () =>
      h(OnlineList, args, {
        card: (host: MemberCardHost) =>
          h(MemberHoverCard, host, {
            default: ({ member }: { member: Member }) =>
              h('div', { style: appCardStyle }, appCardLine(member)),
          }),
      }),
  }),
}

/** The `#row` slot replaces a row's content; the row keeps its role, its place and its keyboard. */
export const CustomRow: Story = {
  render: (args) => ({
    setup: () => () =>
      h(OnlineList, args, {
        row: ({ member, status }: OnlineListRowSlotProps) => [
          h('strong', getDisplayName(member)),
          h('span', ` · ${member.connections.length} tabs `),
          h(ActivityDot, { status }),
        ],
      }),
  }),
  parameters: { presence: { members: cast.few } },
  play: expectOptions(6),
}

/** The `#empty` slot replaces the empty text. */
export const CustomEmptyState: Story = {
  render: (args) => ({
    setup: () => () => h(OnlineList, args, { empty: () => h('p', 'Nobody is here yet. Invite someone?') }),
  }),
  parameters: { presence: { self: false } },
  play: expectListEmpty,
}

// Search: a new search box for each render (`loaded.search`), given to the `search` prop.
const withSearch = {
  loaders: [() => ({ search: createOnlineListSearch() })],
  render: (args: Record<string, unknown>, { loaded }: { loaded: Record<string, unknown> }) => ({
    setup: () => () =>
      h(OnlineList, { ...args, room: String(args['room']), search: loaded['search'] as OnlineListSearch }),
  }),
}

/** `:search="createOnlineListSearch()"`: a box above the list filters it by name, ignoring case and accents. */
export const Search: Story = { ...searchStories.Search, ...withSearch }
/** ArrowDown in the box moves into the list, onto its first match. */
export const SearchWithKeyboard: Story = { ...searchStories.SearchWithKeyboard, ...withSearch }
/** 100,000 members: a presence event re-tests only the members it names. */
export const SearchHundredThousand: Story = {
  ...searchStories.SearchHundredThousand,
  ...withSearch,
  tags: ['!autodocs'],
}
/** At a phone's width, dark. */
export const SearchOnAPhone: Story = { ...searchStories.SearchOnAPhone, ...withSearch }
