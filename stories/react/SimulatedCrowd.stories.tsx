import type { Meta, StoryObj } from '@storybook/react-vite'
import { AvatarStack, ConnectionStatus, OnlineList, TypingIndicator, usePresence } from '@presence-kit/react'
import { liveArgs, liveArgTypes, liveStories as stories } from '../shared/component-stories.ts'
import type { BatchingMeter } from '../shared/batching-meter.ts'
import { getStoryPresence, STORY_ROOM, type CrowdArgs } from '../shared/presence-fixtures.ts'
import { BatchingReadout } from './batching-readout.tsx'

/**
 * A room page: every component on one room that a simulated crowd keeps busy, and beside the count
 * how many events arrived and how few store updates the core made of them.
 */
function CrowdRoom({ room, batching }: { room: string; batching: BatchingMeter }) {
  const count = usePresence(room, (state) => state.count)
  return (
    <section aria-label="Lobby" style={{ display: 'grid', gap: '0.75rem', maxWidth: '28rem' }}>
      <header style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '0.75rem' }}>
        <AvatarStack room={room} />
        <span data-testid="online-count">{count.toLocaleString('en-GB')} online</span>
        <BatchingReadout meter={batching} />
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
  render: (_args, context) => <CrowdRoom room={STORY_ROOM} batching={getStoryPresence(context).batching} />,
} satisfies Meta<CrowdArgs>

export default meta
type Story = StoryObj<typeof meta>

export const Lobby: Story = { ...stories.Lobby }
export const HundredThousandMembers: Story = { ...stories.HundredThousandMembers }
