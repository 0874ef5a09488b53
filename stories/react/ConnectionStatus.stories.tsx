import type { Meta, StoryObj } from '@storybook/react-vite'
import { ConnectionStatus } from '@presence-kit/react'
import { connectionStatusArgs, connectionStatusStories as stories } from '../shared/component-stories.ts'

const meta = {
  title: 'Components/ConnectionStatus',
  component: ConnectionStatus,
  args: connectionStatusArgs,
} satisfies Meta<typeof ConnectionStatus>

export default meta
type Story = StoryObj<typeof meta>

export const Connecting: Story = { ...stories.Connecting }
export const Connected: Story = { ...stories.Connected }
export const Reconnecting: Story = { ...stories.Reconnecting }
export const Failed: Story = { ...stories.Failed }
export const FirstConnectionTimesOut: Story = { ...stories.FirstConnectionTimesOut }
export const RetriesThroughTheRoom: Story = { ...stories.RetriesThroughTheRoom }
export const AppearsWithoutLayoutShift: Story = { ...stories.AppearsWithoutLayoutShift }
export const RightToLeft: Story = { ...stories.RightToLeft }
export const DarkMode: Story = { ...stories.DarkMode }
export const Unstyled: Story = { ...stories.Unstyled, tags: ['!autodocs'] }
