import type { Meta, StoryObj } from '@storybook/react-vite'
import { TypingIndicator } from '@presence-kit/react'
import { typingIndicatorArgs, typingIndicatorStories as stories } from '../shared/component-stories.ts'

const meta = {
  title: 'Components/TypingIndicator',
  component: TypingIndicator,
  args: typingIndicatorArgs,
} satisfies Meta<typeof TypingIndicator>

export default meta
type Story = StoryObj<typeof meta>

export const Loading: Story = { ...stories.Loading }
export const NobodyTyping: Story = { ...stories.NobodyTyping }
export const OneTyping: Story = { ...stories.OneTyping }
export const TwoTyping: Story = { ...stories.TwoTyping }
export const ManyTyping: Story = { ...stories.ManyTyping }
export const HundredThousandMembers: Story = { ...stories.HundredThousandMembers, tags: ['!autodocs'] }
export const AppearsAndClears: Story = { ...stories.AppearsAndClears }
export const VeryLongNames: Story = { ...stories.VeryLongNames }
export const RightToLeft: Story = { ...stories.RightToLeft }
export const DarkMode: Story = { ...stories.DarkMode }
export const Unstyled: Story = { ...stories.Unstyled, tags: ['!autodocs'] }
export const Reconnecting: Story = { ...stories.Reconnecting }
