import type { Meta, StoryObj } from '@storybook/react-vite'
import { getDisplayName } from '@presence-kit/core/ui'
import { ActivityDot, OnlineList, type OnlineListProps, type OnlineListSearch } from '@presence-kit/react'
import { MemberHoverCard } from '@presence-kit/react/hover-card'
import { createOnlineListSearch } from '@presence-kit/react/search'
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

/** The member card from `@presence-kit/react/hover-card`, with the app's own line at its end. */
export const HoverCard: Story = {
  ...stories.HoverCard,
  args: {
    card: (host) => (
      <MemberHoverCard {...host}>
        {(member) => <div style={appCardStyle}>{appCardLine(member)}</div>}
      </MemberHoverCard>
    ),
  },
}

/** `renderRow` replaces a row's content; the row keeps its role, its place and its keyboard. */
export const CustomRow: Story = {
  args: {
    renderRow: (member, { status }) => (
      <>
        <strong>{getDisplayName(member)}</strong>
        <span> · {member.connections.length} tabs </span>
        <ActivityDot status={status} />
      </>
    ),
  },
  parameters: { presence: { members: cast.few } },
  play: expectOptions(6),
}

/** `emptyState` replaces the empty text. */
export const CustomEmptyState: Story = {
  args: { emptyState: <p>Nobody is here yet. Invite someone?</p> },
  parameters: { presence: { self: false } },
  play: expectListEmpty,
}

// Search: a new search box for each render (`loaded.search`), given to the `search` prop.
const withSearch = {
  loaders: [() => ({ search: createOnlineListSearch() })],
  render: (args: OnlineListProps, { loaded }: { loaded: Record<string, unknown> }) => (
    <OnlineList {...args} search={loaded['search'] as OnlineListSearch} />
  ),
}

/** `search={createOnlineListSearch()}`: a box above the list filters it by name, ignoring case and accents. */
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
