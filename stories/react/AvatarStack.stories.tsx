import type { Meta, StoryObj } from '@storybook/react-vite'
import { AvatarStack, type RenderMemberCard } from '@presence-kit/react'
import { MemberHoverCard } from '@presence-kit/react/hover-card'
import { avatarSizes, avatarStackArgs, avatarStackStories as stories } from '../shared/component-stories.ts'
import { appCardLine, appCardStyle } from '../shared/hover-card-story.ts'

const meta = {
  title: 'Components/AvatarStack',
  component: AvatarStack,
  args: avatarStackArgs,
  argTypes: { size: { control: 'inline-radio', options: ['sm', 'md', 'lg'] } },
} satisfies Meta<typeof AvatarStack>

export default meta
type Story = StoryObj<typeof meta>

export const Loading: Story = { ...stories.Loading }
export const Empty: Story = { ...stories.Empty }
export const OneMember: Story = { ...stories.OneMember }
export const AFew: Story = { ...stories.AFew }
export const Overflow: Story = { ...stories.Overflow }
export const OpenOverflowWithKeyboard: Story = { ...stories.OpenOverflowWithKeyboard }
export const EveryStatusBehindOverflow: Story = { ...stories.EveryStatusBehindOverflow }
export const LastOnTopWithRings: Story = { ...stories.LastOnTopWithRings }
export const HundredThousandMembers: Story = { ...stories.HundredThousandMembers, tags: ['!autodocs'] }
export const CountOnly: Story = { ...stories.CountOnly }
export const EveryStatus: Story = { ...stories.EveryStatus }
export const Sizes: Story = {
  ...stories.Sizes,
  // Every size at once: the size control would have nothing to choose.
  argTypes: { size: { control: false } },
  render: (args) => (
    <div style={{ display: 'grid', gap: '1rem', justifyItems: 'start' }}>
      {avatarSizes.map((size) => (
        <AvatarStack key={size} {...args} size={size} />
      ))}
    </div>
  ),
}
export const BrokenAndUnsafeAvatars: Story = { ...stories.BrokenAndUnsafeAvatars }
export const VeryLongNames: Story = { ...stories.VeryLongNames }
export const RightToLeft: Story = { ...stories.RightToLeft }
export const DarkMode: Story = { ...stories.DarkMode }
export const Unstyled: Story = { ...stories.Unstyled, tags: ['!autodocs'] }
export const Reconnecting: Story = { ...stories.Reconnecting }

/** The member card from `@presence-kit/react/hover-card`, with the app's own line at its end. */
const card: RenderMemberCard = (host) => (
  <MemberHoverCard {...host}>
    {(member) => <div style={appCardStyle}>{appCardLine(member)}</div>}
  </MemberHoverCard>
)

export const HoverCard: Story = { ...stories.HoverCard, args: { ...stories.HoverCard.args, card } }
export const SelectWithKeyboard: Story = {
  ...stories.SelectWithKeyboard,
  args: { ...stories.SelectWithKeyboard.args, card },
}
