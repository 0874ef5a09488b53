import type { Meta, StoryObj } from '@storybook/react-vite'
import { AvatarStack, ConnectionStatus, OnlineList, TypingIndicator, usePresence } from '@presence-kit/react'
import { liveArgs, liveArgTypes, liveStories as stories } from '../shared/component-stories.ts'
import { STORY_ROOM, type CrowdArgs } from '../shared/presence-fixtures.ts'

/** A room page: every component on one room that a simulated crowd keeps busy. */
function CrowdRoom({ room }: { room: string }) {
  const count = usePresence(room, (state) => state.count)
  return (
    <section aria-label="Lobby" style={{ display: 'grid', gap: '0.75rem', maxWidth: '28rem' }}>
      <header style={{ display: 'flex', alignItems: 'center', gap: '0.75rem' }}>
        <AvatarStack room={room} />
        <span>{count.toLocaleString('en-GB')} online</span>
        <ConnectionStatus room={room} />
      </header>
      <OnlineList room={room} groupByStatus height={360} />
      <TypingIndicator room={room} />
    </section>
  )
}

const meta = {
  title: 'Live/Simulated Crowd',
  tags: ['!autodocs'],
  args: liveArgs,
  argTypes: liveArgTypes,
  render: () => <CrowdRoom room={STORY_ROOM} />,
} satisfies Meta<CrowdArgs>

export default meta
type Story = StoryObj<typeof meta>

export const Lobby: Story = { ...stories.Lobby }
export const HundredThousandMembers: Story = { ...stories.HundredThousandMembers }
