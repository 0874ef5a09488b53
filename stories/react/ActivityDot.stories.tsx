import type { Meta, StoryObj } from '@storybook/react-vite'
import { ActivityDot } from '@presence-kit/react'
import {
  activityDotArgs,
  activityDotParameters,
  activityDotStories as stories,
} from '../shared/component-stories.ts'

const meta = {
  title: 'Components/ActivityDot',
  component: ActivityDot,
  args: activityDotArgs,
  parameters: activityDotParameters,
  argTypes: {
    status: { control: 'inline-radio', options: ['active', 'idle', 'away', 'offline'] },
    size: { control: 'inline-radio', options: ['sm', 'md', 'lg'] },
  },
} satisfies Meta<typeof ActivityDot>

export default meta
type Story = StoryObj<typeof meta>

export const Active: Story = { ...stories.Active }
export const Idle: Story = { ...stories.Idle }
export const Away: Story = { ...stories.Away }
export const Offline: Story = { ...stories.Offline }
export const LabelForScreenReaders: Story = { ...stories.LabelForScreenReaders }
export const FromRoom: Story = { ...stories.FromRoom }
export const Loading: Story = { ...stories.Loading }
export const Reconnecting: Story = { ...stories.Reconnecting }
export const Large: Story = { ...stories.Large }
export const RightToLeft: Story = { ...stories.RightToLeft }
export const DarkMode: Story = { ...stories.DarkMode }
export const Unstyled: Story = { ...stories.Unstyled, tags: ['!autodocs'] }
